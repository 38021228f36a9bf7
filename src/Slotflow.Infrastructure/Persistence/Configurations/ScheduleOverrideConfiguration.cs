using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Slotflow.Domain.Humans;

namespace Slotflow.Infrastructure.Persistence.Configurations;

internal sealed class ScheduleOverrideConfiguration : IEntityTypeConfiguration<ScheduleOverride>
{
    public void Configure(EntityTypeBuilder<ScheduleOverride> builder)
    {
        builder.ToTable("schedule_overrides");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Type).HasConversion<string>().HasMaxLength(8);
        builder.Property(o => o.Title).HasMaxLength(ScheduleOverride.MaxTitleLength);
        builder.Property(o => o.StartTime).HasColumnName("start_minute").HasConversion(t => t!.Value.Minutes, m => ClockTime.FromMinutes(m));
        builder.Property(o => o.EndTime).HasColumnName("end_minute").HasConversion(t => t!.Value.Minutes, m => ClockTime.FromMinutes(m));
        builder.Ignore(o => o.AllDay);
        builder.Ignore(o => o.WindowStartMinutes);
        builder.Ignore(o => o.WindowEndMinutes);
        builder.HasIndex(o => new { o.HumanId, o.StartDate });

        builder.OwnsOne(o => o.Recurrence, recurrence =>
        {
            recurrence.Property(r => r.Frequency).HasColumnName("recurrence_freq").HasConversion<string>().HasMaxLength(8);
            recurrence.Property(r => r.Interval).HasColumnName("recurrence_interval");
            recurrence.Property(r => r.Days).HasColumnName("recurrence_days");
            recurrence.Property(r => r.DayOfMonth).HasColumnName("recurrence_day_of_month");
            recurrence.Property(r => r.Week).HasColumnName("recurrence_week");
            recurrence.Property(r => r.Day).HasColumnName("recurrence_day");
        });
    }
}

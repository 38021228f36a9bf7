using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Slotflow.Domain.Humans;
using Slotflow.Domain.Organizations;

namespace Slotflow.Infrastructure.Persistence.Configurations;

internal sealed class HumanConfiguration : IEntityTypeConfiguration<Human>
{
    // The two lists are compared by their values. Said here because the comparer EF Core picks for a read-only list
    // of ints compiles a delegate on each comparison, which a profile of PostgreSQL bookings showed (about 5 % of the
    // service's CPU went to change detection of a tracked human).
    private static readonly ValueComparer<IReadOnlyList<int>> IntList = new(
        (a, b) => a == b || (a != null && b != null && a.SequenceEqual(b)),
        list => list.Aggregate(0, HashCode.Combine),
        list => list.ToArray());

    public void Configure(EntityTypeBuilder<Human> builder)
    {
        builder.ToTable("humans");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.Name).HasMaxLength(Human.MaxNameLength);
        builder.Property(h => h.Email).HasMaxLength(Human.MaxEmailLength);
        builder.Property(h => h.Role).HasMaxLength(Human.MaxRoleLength);
        builder.Property(h => h.TimeZoneId).HasMaxLength(64);
        builder.Property(h => h.Version).IsConcurrencyToken();
        builder.HasOne<Organization>().WithMany().HasForeignKey(h => h.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(h => new { h.OrganizationId, h.Active });

        builder.HasMany(h => h.Overrides).WithOne().HasForeignKey(o => o.HumanId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(h => h.Overrides).UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsOne(h => h.WorkingHours, hours =>
        {
            hours.Property(w => w.WorkingDays).HasColumnName("working_days").Metadata.SetValueComparer(IntList);
            hours.Property(w => w.MeetingDurations).HasColumnName("meeting_durations").Metadata.SetValueComparer(IntList);
            hours.Property(w => w.WorkStart).HasColumnName("work_start_minute").HasConversion(t => t.Minutes, m => ClockTime.FromMinutes(m));
            hours.Property(w => w.WorkEnd).HasColumnName("work_end_minute").HasConversion(t => t.Minutes, m => ClockTime.FromMinutes(m));
            hours.Property(w => w.SlotInterval).HasColumnName("slot_interval");
            hours.Property(w => w.BufferBefore).HasColumnName("buffer_before");
            hours.Property(w => w.BufferAfter).HasColumnName("buffer_after");
            hours.Property(w => w.MinimumNotice).HasColumnName("minimum_notice");
            hours.Property(w => w.BookingHorizonDays).HasColumnName("booking_horizon_days");
            hours.Property(w => w.DailyBookingLimit).HasColumnName("daily_booking_limit");
            hours.Property(w => w.WeeklyBookingLimit).HasColumnName("weekly_booking_limit");
            hours.Property(w => w.WeeklyHours).HasColumnName("weekly_hours").HasMaxLength(1000)
                .HasConversion(w => w!.ToString(), text => WeeklyHours.Parse(text));
        });
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Slotflow.Domain.Holds;
using Slotflow.Domain.Humans;
using Slotflow.Domain.Organizations;

namespace Slotflow.Infrastructure.Persistence.Configurations;

internal sealed class HoldConfiguration : IEntityTypeConfiguration<Hold>
{
    public void Configure(EntityTypeBuilder<Hold> builder)
    {
        builder.ToTable("holds");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.Status).HasConversion<string>().HasMaxLength(16);
        builder.Ignore(h => h.Interval);
        builder.Ignore(h => h.Taken);
        builder.HasOne<Organization>().WithMany().HasForeignKey(h => h.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Human>().WithMany().HasForeignKey(h => h.HumanId).OnDelete(DeleteBehavior.Restrict);
        // Reads of the time a human's holds occupy seek by StartsAt, as bookings do; the cap counts by ExpiresAt.
        builder.HasIndex(h => new { h.HumanId, h.Status, h.StartsAt });
        builder.HasIndex(h => new { h.HumanId, h.Status, h.ExpiresAt });
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Slotflow.Domain.Bookings;
using Slotflow.Domain.Humans;
using Slotflow.Domain.Organizations;

namespace Slotflow.Infrastructure.Persistence.Configurations;

internal sealed class BookingConfiguration : IEntityTypeConfiguration<Booking>
{
    public void Configure(EntityTypeBuilder<Booking> builder)
    {
        builder.ToTable("bookings");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(b => b.AttendeeName).HasMaxLength(Booking.MaxAttendeeNameLength);
        builder.Property(b => b.AttendeeEmail).HasMaxLength(Human.MaxEmailLength);
        builder.Ignore(b => b.Interval);
        builder.Ignore(b => b.Taken);
        builder.Ignore(b => b.DomainEvents);
        builder.HasOne<Organization>().WithMany().HasForeignKey(b => b.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Human>().WithMany().HasForeignKey(b => b.HumanId).OnDelete(DeleteBehavior.Restrict);
        // Reads of a human's bookings seek by StartsAt; their blocked windows reach at most a duration and two buffers away.
        // The windows ride in the index, so a read of a crowded month's windows (the alternatives) never visits the rows.
        builder.HasIndex(b => new { b.HumanId, b.Status, b.StartsAt, b.BlockedFrom, b.BlockedUntil });
        builder.HasIndex(b => new { b.OrganizationId, b.StartsAt });
    }
}

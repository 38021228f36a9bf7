using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Slotflow.Domain.Bookings;
using Slotflow.Domain.Webhooks;

namespace Slotflow.Infrastructure.Persistence.Configurations;

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    /// <summary>Shadow columns: which worker's claim the row is under, and until when; the domain does not know about workers.</summary>
    public const string ClaimToken = "ClaimToken";
    public const string ClaimedUntil = "ClaimedUntil";

    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.ToTable("webhook_deliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Event).HasMaxLength(32);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.LastError).HasMaxLength(WebhookDeliveryAttempt.MaxErrorLength);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.Property<Guid?>(ClaimToken);
        builder.Property<DateTimeOffset?>(ClaimedUntil);
        builder.Ignore(d => d.AttemptCount);

        // Deleting a webhook deletes its deliveries, which is how its pending ones stop.
        builder.HasOne<Webhook>().WithMany().HasForeignKey(d => d.WebhookId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Booking>().WithMany().HasForeignKey(d => d.BookingId).OnDelete(DeleteBehavior.Restrict);

        builder.OwnsMany(d => d.Attempts, attempt =>
        {
            attempt.ToTable("webhook_delivery_attempts");
            attempt.WithOwner().HasForeignKey("DeliveryId");
            attempt.HasKey("DeliveryId", nameof(WebhookDeliveryAttempt.Number));
            attempt.Property(a => a.Number).ValueGeneratedNever();
            attempt.Property(a => a.Error).HasMaxLength(WebhookDeliveryAttempt.MaxErrorLength);
            attempt.Ignore(a => a.Succeeded);
        });

        builder.HasIndex(d => new { d.Status, d.NextAttemptAt });
        builder.HasIndex(d => new { d.WebhookId, d.CreatedAt });
        builder.HasIndex(d => new { d.OrganizationId, d.CreatedAt });
    }
}

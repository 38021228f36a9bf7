using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Slotflow.Domain.Organizations;
using Slotflow.Domain.Webhooks;

namespace Slotflow.Infrastructure.Persistence.Configurations;

internal sealed class WebhookConfiguration : IEntityTypeConfiguration<Webhook>
{
    public void Configure(EntityTypeBuilder<Webhook> builder)
    {
        builder.ToTable("webhooks");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Id).ValueGeneratedNever();
        builder.Property(w => w.Url).HasMaxLength(Webhook.MaxUrlLength);
        builder.Property(w => w.SigningSecret).HasMaxLength(64);
        builder.HasOne<Organization>().WithMany().HasForeignKey(w => w.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(w => new { w.OrganizationId, w.Url }).IsUnique();
    }
}

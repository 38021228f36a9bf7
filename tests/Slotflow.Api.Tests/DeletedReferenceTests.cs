using Microsoft.Extensions.DependencyInjection;
using Slotflow.Api.Tests.Support;
using Slotflow.Domain.Common;
using Slotflow.Domain.Webhooks;

namespace Slotflow.Api.Tests;

/// <summary>
/// A write that references a row deleted meanwhile (a webhook removed while a booking enqueued a delivery to it)
/// is a lost race, decided again from fresh reads, never a 500.
/// </summary>
public sealed class DeletedReferenceTests
{
    [Test]
    public async Task SavingADeliveryForAWebhookThatIsGone_IsAConcurrencyConflict()
    {
        using var factory = new SlotflowApiFactory(configureServices: s => s.AddSingleton<TimeProvider>(new SettableClock(WebhookTestKit.HeldNow)));
        var organization = await factory.CreateOrganizationAsync();
        var booking = await WebhookTestKit.BookAsync(organization.Client, await WebhookTestKit.HumanAsync(organization.Client));
        var gone = Webhook.Create(organization.Id, "https://example.com/h", [Webhook.BookingConfirmed], DateTimeOffset.UtcNow);

        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<IWebhookDeliveryRepository>()
            .Add(WebhookDelivery.Enqueue(gone, Guid.Parse(booking.GetProperty("id").GetString()!), Webhook.BookingConfirmed, "{}", DateTimeOffset.UtcNow));

        Assert.That(
            async () => await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync(CancellationToken.None),
            Throws.TypeOf<ConcurrencyConflictException>());
    }
}

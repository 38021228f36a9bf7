using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Slotflow.Api.Tests.Support;
using Slotflow.Infrastructure.Webhooks;
using static Slotflow.Api.Tests.Support.WebhookTestKit;

namespace Slotflow.Api.Tests;

/// <summary>
/// A slow or hanging receiver holds only its own share of the delivery worker: the other webhooks' deliveries, and
/// the rest of its own queue, go out beside it instead of waiting for its answers.
/// </summary>
public sealed class WebhookFairnessTests : ServiceFixture
{
    private WebhookReceiver _slow = null!;
    private WebhookReceiver _fast = null!;

    protected override TimeProvider Clock => new SettableClock(HeldNow);

    protected override Dictionary<string, string?> Settings() => FastWorker();

    [SetUp]
    public async Task StartServiceAndReceivers()
    {
        _slow = await WebhookReceiver.StartAsync();
        _fast = await WebhookReceiver.StartAsync();
    }

    [TearDown]
    public async Task Stop()
    {
        // The service first: its worker gives up the sends still waiting on the slow receiver, so nothing waits 40 × 9 s.
        await _slow.DisposeAsync();
        await _fast.DisposeAsync();
    }

    [Test]
    public async Task FortyDeliveriesToAReceiverTaking9Seconds_DoNotHoldUpAnotherOrganizationsDelivery()
    {
        _slow.Delay = TimeSpan.FromSeconds(9);
        var x = await Factory.CreateOrganizationAsync();
        var y = await Factory.CreateOrganizationAsync();
        await RegisterAsync(x.Client, _slow.Url, "booking.confirmed");
        await RegisterAsync(y.Client, _fast.Url, "booking.confirmed");
        var xHuman = await HumanAsync(x.Client);
        var yHuman = await HumanAsync(y.Client);
        for (var slot = 0; slot < 40; slot++)
        {
            await BookAsync(x.Client, xHuman, slot);
        }

        await _slow.WaitForCallsAsync(1);

        var sinceBooking = Stopwatch.StartNew();
        await BookAsync(y.Client, yHuman);
        await _fast.WaitForAcceptedAsync(1, timeoutSeconds: 20);
        var took = sinceBooking.Elapsed;

        Assert.Multiple(() =>
        {
            Assert.That(took, Is.LessThan(TimeSpan.FromSeconds(2)), "Y's delivery arrives within 2 s of its booking");
            Assert.That(_slow.MostDelayedAtOnce, Is.InRange(1, new WebhookDeliveryOptions().MaxConcurrentSendsPerWebhook),
                "X never had more than its share in flight");
        });
    }

    [Test]
    public async Task AHangingAttempt_DoesNotHoldBackTheNextDeliveriesOfItsOwnWebhook()
    {
        _fast.Answer = call => call == 1 ? null : 200;
        var organization = await Factory.CreateOrganizationAsync();
        var (webhookId, _) = await RegisterAsync(organization.Client, _fast.Url, "booking.confirmed");
        var humanId = await HumanAsync(organization.Client);
        await BookAsync(organization.Client, humanId, 0);
        await _fast.WaitForCallsAsync(1);

        for (var slot = 1; slot <= 4; slot++)
        {
            await BookAsync(organization.Client, humanId, slot);
        }

        await _fast.WaitForAcceptedAsync(4);

        var hanging = (await DeliveriesAsync(organization.Client, webhookId)).GetProperty("deliveries").EnumerateArray()
            .Single(d => d.GetProperty("id").GetString() == _fast.Received[0].DeliveryId);
        Assert.That(hanging.GetProperty("attempt_count").GetInt32(), Is.Zero,
            "the next four were sent while the hanging attempt was still waiting for its answer");
    }
}

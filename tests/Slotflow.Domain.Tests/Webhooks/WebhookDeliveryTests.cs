using Slotflow.Domain.Webhooks;

namespace Slotflow.Domain.Tests.Webhooks;

/// <summary>
/// The outbox row's life (spec §9): due at once, attempt 2 five minutes after attempt 1, attempt 3 sixty minutes
/// after attempt 2, then failed; a 2xx delivers it; a manual retry gives a finished delivery one more attempt.
/// </summary>
public sealed class WebhookDeliveryTests
{
    private const string Payload = """{"event":"booking.confirmed"}""";

    private static readonly DateTimeOffset Now = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Took = TimeSpan.FromMilliseconds(250);
    private static readonly WebhookRetrySchedule Schedule = WebhookRetrySchedule.Default;

    private Webhook _webhook = null!;
    private Guid _bookingId;

    [SetUp]
    public void SetUp()
    {
        _webhook = Webhook.Create(Guid.NewGuid(), "https://example.com/h", [Webhook.BookingConfirmed], Now);
        _bookingId = Guid.NewGuid();
    }

    [Test]
    public void Enqueue_IsPendingAndDueAtItsCreation()
    {
        var delivery = Enqueue();

        Assert.Multiple(() =>
        {
            Assert.That(delivery.Id, Is.Not.EqualTo(Guid.Empty));
            Assert.That(delivery.WebhookId, Is.EqualTo(_webhook.Id));
            Assert.That(delivery.OrganizationId, Is.EqualTo(_webhook.OrganizationId));
            Assert.That(delivery.BookingId, Is.EqualTo(_bookingId));
            Assert.That(delivery.Event, Is.EqualTo(Webhook.BookingConfirmed));
            Assert.That(delivery.Payload, Is.EqualTo(Payload));
            Assert.That(delivery.Status, Is.EqualTo(WebhookDeliveryStatus.Pending));
            Assert.That(delivery.CreatedAt, Is.EqualTo(Now));
            Assert.That(delivery.NextAttemptAt, Is.EqualTo(delivery.CreatedAt));
            Assert.That(delivery.Attempts, Is.Empty);
            Assert.That(delivery.AttemptCount, Is.Zero);
            Assert.That(delivery.AttemptLimit, Is.Null);
            Assert.That(delivery.LastResponseCode, Is.Null);
            Assert.That(delivery.LastError, Is.Null);
            Assert.That(delivery.DeliveredAt, Is.Null);
            Assert.That(delivery.Version, Is.Zero);
        });
    }

    [Test]
    public void Enqueue_WithAnOffsetTime_StoresItInUtc()
    {
        var delivery = WebhookDelivery.Enqueue(_webhook, _bookingId, Webhook.BookingConfirmed, Payload, Now.ToOffset(TimeSpan.FromHours(2)));

        Assert.Multiple(() =>
        {
            Assert.That(delivery.CreatedAt, Is.EqualTo(Now));
            Assert.That(delivery.CreatedAt.Offset, Is.EqualTo(TimeSpan.Zero));
            Assert.That(delivery.NextAttemptAt!.Value.Offset, Is.EqualTo(TimeSpan.Zero));
        });
    }

    [Test]
    public void Enqueue_GivesEachDeliveryItsOwnId_WhichStaysTheSameAcrossAttemptsAndRetries()
    {
        var delivery = Enqueue();
        var other = Enqueue();
        var id = delivery.Id;

        delivery.RecordAttempt(Now, 503, null, Took, Schedule);
        delivery.RequestRetry(Now.AddMinutes(1));
        delivery.RecordAttempt(Now.AddMinutes(1), 200, null, Took, Schedule);

        Assert.Multiple(() =>
        {
            Assert.That(other.Id, Is.Not.EqualTo(id));
            Assert.That(delivery.Id, Is.EqualTo(id));
        });
    }

    [Test]
    public void Enqueue_ForAnEventTheWebhookIsNotSubscribedTo_IsRefused() =>
        Assert.That(
            () => WebhookDelivery.Enqueue(_webhook, _bookingId, Webhook.BookingCancelled, Payload, Now),
            Throws.ArgumentException.With.Property(nameof(ArgumentException.ParamName)).EqualTo("eventName"));

    [Test]
    public void RecordAttempt_FirstFailure_StaysPendingAndIsDueFiveMinutesLater()
    {
        var delivery = Enqueue();
        var at = Now.AddSeconds(3);

        delivery.RecordAttempt(at, 503, null, TimeSpan.FromMilliseconds(1234), Schedule);

        var attempt = delivery.Attempts.Single();
        Assert.Multiple(() =>
        {
            Assert.That(delivery.Status, Is.EqualTo(WebhookDeliveryStatus.Pending));
            Assert.That(delivery.NextAttemptAt, Is.EqualTo(at.AddMinutes(5)));
            Assert.That(delivery.AttemptCount, Is.EqualTo(1));
            Assert.That(delivery.LastResponseCode, Is.EqualTo(503));
            Assert.That(delivery.LastError, Is.Null);
            Assert.That(delivery.DeliveredAt, Is.Null);
            Assert.That(attempt.Number, Is.EqualTo(1));
            Assert.That(attempt.AttemptedAt, Is.EqualTo(at));
            Assert.That(attempt.StatusCode, Is.EqualTo(503));
            Assert.That(attempt.Error, Is.Null);
            Assert.That(attempt.DurationMs, Is.EqualTo(1234));
            Assert.That(attempt.Succeeded, Is.False);
        });
    }

    [Test]
    public void RecordAttempt_SecondFailure_IsDueSixtyMinutesAfterIt()
    {
        var delivery = Enqueue();
        delivery.RecordAttempt(Now, 503, null, Took, Schedule);
        var second = Now.AddMinutes(5).AddSeconds(2);

        delivery.RecordAttempt(second, 500, null, Took, Schedule);

        Assert.Multiple(() =>
        {
            Assert.That(delivery.Status, Is.EqualTo(WebhookDeliveryStatus.Pending));
            Assert.That(delivery.NextAttemptAt, Is.EqualTo(second.AddMinutes(60)));
            Assert.That(delivery.Attempts.Select(a => a.Number), Is.EqualTo(new[] { 1, 2 }));
            Assert.That(delivery.LastResponseCode, Is.EqualTo(500));
        });
    }

    [Test]
    public void RecordAttempt_ThirdFailure_Fails_AndIsNoLongerDue()
    {
        var delivery = FailedWithDefaultSchedule();

        Assert.Multiple(() =>
        {
            Assert.That(delivery.Status, Is.EqualTo(WebhookDeliveryStatus.Failed));
            Assert.That(delivery.NextAttemptAt, Is.Null);
            Assert.That(delivery.AttemptCount, Is.EqualTo(3));
            Assert.That(delivery.Attempts.Select(a => a.Number), Is.EqualTo(new[] { 1, 2, 3 }));
            Assert.That(delivery.LastResponseCode, Is.EqualTo(503));
            Assert.That(delivery.DeliveredAt, Is.Null);
        });
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void RecordAttempt_A2xxAtAnyAttempt_Delivers(int succeedingAttempt)
    {
        var delivery = Enqueue();
        var at = Now;
        for (var n = 1; n < succeedingAttempt; n++)
        {
            delivery.RecordAttempt(at, null, "Connection refused.", Took, Schedule);
            at = delivery.NextAttemptAt!.Value;
        }

        delivery.RecordAttempt(at, 204, null, TimeSpan.FromMilliseconds(750), Schedule);

        Assert.Multiple(() =>
        {
            Assert.That(delivery.Status, Is.EqualTo(WebhookDeliveryStatus.Delivered));
            Assert.That(delivery.DeliveredAt, Is.EqualTo(at.AddMilliseconds(750)));
            Assert.That(delivery.NextAttemptAt, Is.Null);
            Assert.That(delivery.LastError, Is.Null);
            Assert.That(delivery.LastResponseCode, Is.EqualTo(204));
            Assert.That(delivery.AttemptCount, Is.EqualTo(succeedingAttempt));
            Assert.That(delivery.Attempts[^1].Succeeded, Is.True);
        });
    }

    [Test]
    public void RecordAttempt_WithoutAStatusCode_IsAFailureWithItsError()
    {
        var delivery = Enqueue();

        delivery.RecordAttempt(Now, null, "No response within 10 s.", TimeSpan.FromSeconds(10), Schedule);

        Assert.Multiple(() =>
        {
            Assert.That(delivery.Status, Is.EqualTo(WebhookDeliveryStatus.Pending));
            Assert.That(delivery.NextAttemptAt, Is.EqualTo(Now.AddMinutes(5)));
            Assert.That(delivery.LastError, Is.EqualTo("No response within 10 s."));
            Assert.That(delivery.LastResponseCode, Is.Null);
            Assert.That(delivery.Attempts.Single().StatusCode, Is.Null);
            Assert.That(delivery.Attempts.Single().Error, Is.EqualTo("No response within 10 s."));
            Assert.That(delivery.Attempts.Single().DurationMs, Is.EqualTo(10_000));
        });
    }

    [Test]
    public void RecordAttempt_AfterATimeout_AResponseReplacesTheLastErrorAndCode()
    {
        var delivery = Enqueue();
        delivery.RecordAttempt(Now, null, "No response within 10 s.", Took, Schedule);

        delivery.RecordAttempt(Now.AddMinutes(5), 502, null, Took, Schedule);

        Assert.Multiple(() =>
        {
            Assert.That(delivery.LastError, Is.Null);
            Assert.That(delivery.LastResponseCode, Is.EqualTo(502));
        });
    }

    [Test]
    public void RecordAttempt_AfterAResponse_ATimeoutClearsTheLastResponseCode()
    {
        var delivery = Enqueue();
        delivery.RecordAttempt(Now, 503, null, Took, Schedule);

        delivery.RecordAttempt(Now.AddMinutes(5), null, "No response within 10 s.", Took, Schedule);

        Assert.Multiple(() =>
        {
            Assert.That(delivery.LastResponseCode, Is.Null);
            Assert.That(delivery.LastError, Is.EqualTo("No response within 10 s."));
        });
    }

    [Test]
    public void RecordAttempt_ThreeTimeouts_Fail()
    {
        var delivery = Enqueue();
        delivery.RecordAttempt(Now, null, "timeout", Took, Schedule);
        delivery.RecordAttempt(Now.AddMinutes(5), null, "timeout", Took, Schedule);
        delivery.RecordAttempt(Now.AddMinutes(65), null, "timeout", Took, Schedule);

        Assert.Multiple(() =>
        {
            Assert.That(delivery.Status, Is.EqualTo(WebhookDeliveryStatus.Failed));
            Assert.That(delivery.LastError, Is.EqualTo("timeout"));
            Assert.That(delivery.LastResponseCode, Is.Null);
        });
    }

    [TestCase(200, true)]
    [TestCase(201, true)]
    [TestCase(204, true)]
    [TestCase(299, true)]
    [TestCase(100, false)]
    [TestCase(199, false)]
    [TestCase(300, false)]
    [TestCase(301, false)]
    [TestCase(404, false)]
    [TestCase(500, false)]
    public void RecordAttempt_OnlyA2xxDelivers(int statusCode, bool delivered)
    {
        var delivery = Enqueue();

        delivery.RecordAttempt(Now, statusCode, null, Took, Schedule);

        Assert.Multiple(() =>
        {
            Assert.That(delivery.Status, Is.EqualTo(delivered ? WebhookDeliveryStatus.Delivered : WebhookDeliveryStatus.Pending));
            Assert.That(delivery.Attempts.Single().Succeeded, Is.EqualTo(delivered));
            Assert.That(delivery.NextAttemptAt, Is.EqualTo(delivered ? null : Now.AddMinutes(5)));
        });
    }

    [TestCase(0, 0)]
    [TestCase(499, 499)]
    [TestCase(500, 500)]
    [TestCase(501, 500)]
    [TestCase(5000, 500)]
    public void RecordAttempt_KeepsAtMost500CharactersOfTheError(int length, int kept)
    {
        var delivery = Enqueue();
        var error = string.Concat(Enumerable.Range(0, length).Select(i => (char)('a' + (i % 26))));

        delivery.RecordAttempt(Now, null, error, Took, Schedule);

        Assert.Multiple(() =>
        {
            Assert.That(delivery.LastError, Is.EqualTo(error[..kept]));
            Assert.That(delivery.Attempts.Single().Error, Is.EqualTo(error[..kept]));
        });
    }

    [Test]
    public void RecordAttempt_OnADeliveredDelivery_IsRefusedAndChangesNothing()
    {
        var delivery = Enqueue();
        delivery.RecordAttempt(Now, 200, null, Took, Schedule);
        var version = delivery.Version;

        Assert.That(() => delivery.RecordAttempt(Now.AddMinutes(1), 500, null, Took, Schedule), Throws.InvalidOperationException);
        Assert.Multiple(() =>
        {
            Assert.That(delivery.Status, Is.EqualTo(WebhookDeliveryStatus.Delivered));
            Assert.That(delivery.AttemptCount, Is.EqualTo(1));
            Assert.That(delivery.LastResponseCode, Is.EqualTo(200));
            Assert.That(delivery.Version, Is.EqualTo(version));
        });
    }

    [Test]
    public void RecordAttempt_OnAFailedDelivery_IsRefusedAndChangesNothing()
    {
        var delivery = FailedWithDefaultSchedule();
        var version = delivery.Version;

        Assert.That(() => delivery.RecordAttempt(Now.AddHours(2), 200, null, Took, Schedule), Throws.InvalidOperationException);
        Assert.Multiple(() =>
        {
            Assert.That(delivery.Status, Is.EqualTo(WebhookDeliveryStatus.Failed));
            Assert.That(delivery.AttemptCount, Is.EqualTo(3));
            Assert.That(delivery.DeliveredAt, Is.Null);
            Assert.That(delivery.Version, Is.EqualTo(version));
        });
    }

    [Test]
    public void Version_GrowsWithEveryChange()
    {
        var delivery = Enqueue();
        var versions = new List<int> { delivery.Version };

        delivery.RecordAttempt(Now, 503, null, Took, Schedule);
        versions.Add(delivery.Version);
        delivery.RequestRetry(Now.AddMinutes(1));
        versions.Add(delivery.Version);
        delivery.RecordAttempt(Now.AddMinutes(1), 503, null, Took, Schedule);
        versions.Add(delivery.Version);
        delivery.RecordAttempt(Now.AddMinutes(61), 503, null, Took, Schedule);
        versions.Add(delivery.Version);
        delivery.RequestRetry(Now.AddMinutes(70));
        versions.Add(delivery.Version);
        delivery.RecordAttempt(Now.AddMinutes(70), 200, null, Took, Schedule);
        versions.Add(delivery.Version);

        Assert.That(versions, Is.Ordered.Ascending.And.Unique);
    }

    [Test]
    public void RequestRetry_OfAFailedDelivery_IsPendingAndDueNow()
    {
        var delivery = FailedWithDefaultSchedule();
        var retriedAt = Now.AddDays(1);

        delivery.RequestRetry(retriedAt);

        Assert.Multiple(() =>
        {
            Assert.That(delivery.Status, Is.EqualTo(WebhookDeliveryStatus.Pending));
            Assert.That(delivery.NextAttemptAt, Is.EqualTo(retriedAt));
            Assert.That(delivery.AttemptCount, Is.EqualTo(3));
        });
    }

    [Test]
    public void RequestRetry_OfAFailedDelivery_AllowsExactlyOneMoreAttempt()
    {
        var delivery = FailedWithDefaultSchedule();
        var retriedAt = Now.AddDays(1);
        delivery.RequestRetry(retriedAt);

        delivery.RecordAttempt(retriedAt, 503, null, Took, Schedule);

        Assert.Multiple(() =>
        {
            Assert.That(delivery.Status, Is.EqualTo(WebhookDeliveryStatus.Failed));
            Assert.That(delivery.AttemptCount, Is.EqualTo(4));
            Assert.That(delivery.Attempts[^1].Number, Is.EqualTo(4));
            Assert.That(delivery.NextAttemptAt, Is.Null);
        });
    }

    [Test]
    public void RequestRetry_OfAFailedDelivery_ThenA2xx_Delivers()
    {
        var delivery = FailedWithDefaultSchedule();
        var retriedAt = Now.AddDays(1);
        delivery.RequestRetry(retriedAt);

        delivery.RecordAttempt(retriedAt, 200, null, Took, Schedule);

        Assert.Multiple(() =>
        {
            Assert.That(delivery.Status, Is.EqualTo(WebhookDeliveryStatus.Delivered));
            Assert.That(delivery.DeliveredAt, Is.EqualTo(retriedAt + Took));
            Assert.That(delivery.AttemptCount, Is.EqualTo(4));
            Assert.That(delivery.NextAttemptAt, Is.Null);
        });
    }

    [Test]
    public void RequestRetry_TwiceAfterFailures_GivesOneMoreAttemptEachTime()
    {
        var delivery = FailedWithDefaultSchedule();
        delivery.RequestRetry(Now.AddDays(1));
        delivery.RecordAttempt(Now.AddDays(1), 503, null, Took, Schedule);

        delivery.RequestRetry(Now.AddDays(2));
        delivery.RecordAttempt(Now.AddDays(2), 503, null, Took, Schedule);

        Assert.Multiple(() =>
        {
            Assert.That(delivery.Status, Is.EqualTo(WebhookDeliveryStatus.Failed));
            Assert.That(delivery.AttemptCount, Is.EqualTo(5));
        });
    }

    [Test]
    public void RequestRetry_OfADeliveredDelivery_IsPendingForOneMoreAttempt()
    {
        var delivery = Enqueue();
        delivery.RecordAttempt(Now, 200, null, Took, Schedule);
        var retriedAt = Now.AddHours(1);

        delivery.RequestRetry(retriedAt);

        Assert.Multiple(() =>
        {
            Assert.That(delivery.Status, Is.EqualTo(WebhookDeliveryStatus.Pending));
            Assert.That(delivery.NextAttemptAt, Is.EqualTo(retriedAt));
            Assert.That(delivery.DeliveredAt, Is.Null);
        });

        delivery.RecordAttempt(retriedAt, 500, null, Took, Schedule);

        Assert.Multiple(() =>
        {
            Assert.That(delivery.Status, Is.EqualTo(WebhookDeliveryStatus.Failed));
            Assert.That(delivery.AttemptCount, Is.EqualTo(2));
            Assert.That(delivery.NextAttemptAt, Is.Null);
        });
    }

    [Test]
    public void RequestRetry_OfADeliveredDelivery_ThenA2xx_DeliversAgain()
    {
        var delivery = Enqueue();
        delivery.RecordAttempt(Now, 200, null, Took, Schedule);
        var retriedAt = Now.AddHours(1);
        delivery.RequestRetry(retriedAt);

        delivery.RecordAttempt(retriedAt, 202, null, Took, Schedule);

        Assert.Multiple(() =>
        {
            Assert.That(delivery.Status, Is.EqualTo(WebhookDeliveryStatus.Delivered));
            Assert.That(delivery.DeliveredAt, Is.EqualTo(retriedAt + Took));
            Assert.That(delivery.AttemptCount, Is.EqualTo(2));
        });
    }

    [Test]
    public void RequestRetry_OfAPendingDelivery_IsDueNowButKeepsItsSchedule()
    {
        var delivery = Enqueue();
        delivery.RecordAttempt(Now, 503, null, Took, Schedule);
        var retriedAt = Now.AddMinutes(1);

        delivery.RequestRetry(retriedAt);

        Assert.Multiple(() =>
        {
            Assert.That(delivery.Status, Is.EqualTo(WebhookDeliveryStatus.Pending));
            Assert.That(delivery.NextAttemptAt, Is.EqualTo(retriedAt));
            Assert.That(delivery.AttemptLimit, Is.Null);
        });

        delivery.RecordAttempt(retriedAt, 503, null, Took, Schedule);

        Assert.Multiple(() =>
        {
            Assert.That(delivery.Status, Is.EqualTo(WebhookDeliveryStatus.Pending));
            Assert.That(delivery.NextAttemptAt, Is.EqualTo(retriedAt.AddMinutes(60)));
        });

        delivery.RecordAttempt(retriedAt.AddMinutes(60), 503, null, Took, Schedule);

        Assert.Multiple(() =>
        {
            Assert.That(delivery.Status, Is.EqualTo(WebhookDeliveryStatus.Failed));
            Assert.That(delivery.AttemptCount, Is.EqualTo(3));
            Assert.That(delivery.NextAttemptAt, Is.Null);
        });
    }

    [Test]
    public void RequestRetry_WithAnOffsetTime_IsDueAtThatInstantInUtc()
    {
        var delivery = FailedWithDefaultSchedule();

        delivery.RequestRetry(Now.AddDays(1).ToOffset(TimeSpan.FromHours(-5)));

        Assert.Multiple(() =>
        {
            Assert.That(delivery.NextAttemptAt, Is.EqualTo(Now.AddDays(1)));
            Assert.That(delivery.NextAttemptAt!.Value.Offset, Is.EqualTo(TimeSpan.Zero));
        });
    }

    [Test]
    public void RecordAttempt_WithACustomScheduleOfThreeDelays_AllowsFourAttempts()
    {
        var schedule = new WebhookRetrySchedule([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3)]);
        var delivery = Enqueue();
        var at = Now;
        var nextDue = new List<DateTimeOffset?>();

        for (var n = 1; n <= 4; n++)
        {
            delivery.RecordAttempt(at, 503, null, Took, schedule);
            nextDue.Add(delivery.NextAttemptAt);
            at = delivery.NextAttemptAt ?? at;
        }

        Assert.Multiple(() =>
        {
            Assert.That(nextDue, Is.EqualTo(new DateTimeOffset?[] { Now.AddSeconds(1), Now.AddSeconds(3), Now.AddSeconds(6), null }));
            Assert.That(delivery.Status, Is.EqualTo(WebhookDeliveryStatus.Failed));
            Assert.That(delivery.AttemptCount, Is.EqualTo(4));
        });
    }

    [Test]
    public void RecordAttempt_WithAnEmptySchedule_FailsAfterOneAttempt()
    {
        var delivery = Enqueue();

        delivery.RecordAttempt(Now, 503, null, Took, new WebhookRetrySchedule([]));

        Assert.Multiple(() =>
        {
            Assert.That(delivery.Status, Is.EqualTo(WebhookDeliveryStatus.Failed));
            Assert.That(delivery.NextAttemptAt, Is.Null);
        });
    }

    private WebhookDelivery Enqueue() => WebhookDelivery.Enqueue(_webhook, _bookingId, Webhook.BookingConfirmed, Payload, Now);

    private WebhookDelivery FailedWithDefaultSchedule()
    {
        var delivery = Enqueue();
        delivery.RecordAttempt(Now, 503, null, Took, Schedule);
        delivery.RecordAttempt(Now.AddMinutes(5), 503, null, Took, Schedule);
        delivery.RecordAttempt(Now.AddMinutes(65), 503, null, Took, Schedule);
        return delivery;
    }
}

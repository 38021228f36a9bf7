using Slotflow.Domain.Webhooks;

namespace Slotflow.Domain.Tests.Webhooks;

public sealed class WebhookRetryScheduleTests
{
    [Test]
    public void Default_IsFiveMinutesThenSixtyMinutes_ForThreeAttempts()
    {
        var schedule = WebhookRetrySchedule.Default;

        Assert.Multiple(() =>
        {
            Assert.That(schedule.Delays, Is.EqualTo(new[] { TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(60) }));
            Assert.That(schedule.MaxAttempts, Is.EqualTo(3));
            Assert.That(schedule.DelayAfter(1), Is.EqualTo(TimeSpan.FromMinutes(5)));
            Assert.That(schedule.DelayAfter(2), Is.EqualTo(TimeSpan.FromMinutes(60)));
        });
    }

    [Test]
    public void ACustomSchedule_HasOneAttemptMoreThanItHasDelays()
    {
        var schedule = new WebhookRetrySchedule([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3)]);

        Assert.Multiple(() =>
        {
            Assert.That(schedule.MaxAttempts, Is.EqualTo(4));
            Assert.That(schedule.DelayAfter(1), Is.EqualTo(TimeSpan.FromSeconds(1)));
            Assert.That(schedule.DelayAfter(2), Is.EqualTo(TimeSpan.FromSeconds(2)));
            Assert.That(schedule.DelayAfter(3), Is.EqualTo(TimeSpan.FromSeconds(3)));
        });
    }

    [Test]
    public void AnEmptySchedule_AllowsOneAttempt() =>
        Assert.That(new WebhookRetrySchedule([]).MaxAttempts, Is.EqualTo(1));

    [TestCase(0)]
    [TestCase(-1)]
    [TestCase(-300_000)]
    public void ADelayThatIsNotPositive_IsRefused(int milliseconds) =>
        Assert.That(
            () => new WebhookRetrySchedule([TimeSpan.FromMinutes(5), TimeSpan.FromMilliseconds(milliseconds)]),
            Throws.ArgumentException);

    [Test]
    public void TheDelays_AreACopy_SoChangingTheSourceChangesNothing()
    {
        var delays = new List<TimeSpan> { TimeSpan.FromSeconds(1) };
        var schedule = new WebhookRetrySchedule(delays);

        delays.Add(TimeSpan.FromSeconds(2));

        Assert.That(schedule.MaxAttempts, Is.EqualTo(2));
    }
}

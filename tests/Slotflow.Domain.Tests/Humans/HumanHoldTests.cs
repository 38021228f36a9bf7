using Slotflow.Domain.Common;
using Slotflow.Domain.Holds;
using Slotflow.Domain.Humans;
using Slotflow.Domain.Scheduling;
using static Slotflow.Domain.Tests.DomainAssert;

namespace Slotflow.Domain.Tests.Humans;

/// <summary>Holds on the aggregate (spec §11.1): judged like a booking, kept by time alone, confirmed into a booking of the same window once.</summary>
public sealed class HumanHoldTests
{
    // Monday 16 March 2026 in New York (UTC−4); the human works 09:00–17:00 there with 30-minute meetings and a daily limit of 1.
    private static readonly DateTimeOffset MondayTen = new(2026, 3, 16, 10, 0, 0, TimeSpan.FromHours(-4));
    private static readonly DateTimeOffset Now = MondayTen.AddDays(-7);

    [Test]
    public void APlacedHold_IsHeldUntilItsExpiry_AndTheHumanReadsHoldsUntilTheLatestExpiry()
    {
        var human = Human();
        var version = human.Version;

        var longer = human.PlaceHold([], [], MondayTen, 30, 600, null, activeHolds: 0, Now);
        var shorter = human.PlaceHold([], [longer.Taken], MondayTen.AddHours(1), 30, 60, null, activeHolds: 1, Now);

        Assert.Multiple(() =>
        {
            Assert.That(longer.StatusAt(Now.AddSeconds(599)), Is.EqualTo(HoldStatus.Held));
            Assert.That(longer.StatusAt(Now.AddSeconds(600)), Is.EqualTo(HoldStatus.Expired));
            Assert.That(shorter.ExpiresAt, Is.EqualTo(Now.AddSeconds(60)));
            Assert.That(human.HoldsUntil, Is.EqualTo(Now.AddSeconds(600)), "the latest expiry, not the last placed");
            Assert.That(human.Version, Is.EqualTo(version + 2));
        });
    }

    [Test]
    public void AHold_IsRefusedLikeABooking_OverAnotherHold_AndPastTheCap()
    {
        var human = Human();
        var held = human.PlaceHold([], [], MondayTen, 30, 300, null, 0, Now);

        Assert.That(() => human.PlaceHold([], [held.Taken], MondayTen.AddMinutes(15), 30, 300, null, 1, Now), ThrowsDomainError(ErrorCode.SlotUnavailable));
        Assert.That(() => human.PlaceHold([], [], MondayTen.AddHours(2), 30, 300, null, Slotflow.Domain.Humans.Human.MaxActiveHolds, Now), ThrowsDomainError(ErrorCode.LimitReached));
        Assert.That(() => human.PlaceHold([], [], MondayTen.AddHours(2), 30, 29, null, 0, Now), ThrowsDomainError(ErrorCode.ValidationError));
    }

    [Test]
    public void Confirm_MakesABookingOfTheHoldsWindow_CountingTheLimit_ThatAHoldDoesNot()
    {
        var human = Human();
        var hold = human.PlaceHold([], [], MondayTen, 30, 300, """{"lead":"L-7"}""", 0, Now);
        var otherHold = new TakenTime(new TimeRange(MondayTen.AddHours(2), MondayTen.AddHours(2).AddMinutes(30)), new TimeRange(MondayTen.AddHours(2), MondayTen.AddHours(2).AddMinutes(30)), Held: true);

        var booking = human.ConfirmHold(hold, [hold.Taken, otherHold], "Grace", null, null, Now.AddSeconds(10));

        Assert.Multiple(() =>
        {
            Assert.That((booking.StartsAt, booking.EndsAt), Is.EqualTo((hold.StartsAt, hold.EndsAt)));
            Assert.That(booking.Metadata, Is.EqualTo("""{"lead":"L-7"}"""));
            Assert.That((hold.Status, hold.BookingId), Is.EqualTo((HoldStatus.Confirmed, (Guid?)booking.Id)));
        });
        var second = human.PlaceHold([], [], MondayTen.AddHours(3), 30, 300, null, 0, Now);
        Assert.That(() => human.ConfirmHold(second, [booking.Taken, second.Taken], "Ada", null, null, Now), ThrowsDomainError(ErrorCode.DailyBookingLimitReached));
        Assert.That(second.Status, Is.EqualTo(HoldStatus.Held));
    }

    [Test]
    public void AnExpiredOrReleasedHold_IsHoldExpiredAtConfirm_AndAConfirmedOneCannotBeReleased()
    {
        var human = Human();
        var expired = human.PlaceHold([], [], MondayTen, 30, 60, null, 0, Now);
        var released = human.PlaceHold([], [], MondayTen.AddHours(1), 30, 300, null, 1, Now);
        human.ReleaseHold(released, Now);
        var confirmed = human.PlaceHold([], [], MondayTen.AddHours(2), 30, 300, null, 1, Now);
        human.ConfirmHold(confirmed, [confirmed.Taken], "Grace", null, null, Now);

        Assert.That(() => human.ConfirmHold(expired, [], "Late", null, null, Now.AddSeconds(60)), ThrowsDomainError(ErrorCode.HoldExpired));
        Assert.That(() => human.ConfirmHold(released, [], "Late", null, null, Now), ThrowsDomainError(ErrorCode.HoldExpired));
        Assert.That(() => human.ReleaseHold(confirmed, Now), ThrowsDomainError(ErrorCode.HoldConfirmed));
    }

    private static Human Human()
    {
        var human = Slotflow.Domain.Humans.Human.Create(Guid.NewGuid(), "Ada", "America/New_York", null, null, Now);
        human.SetWorkingHours(WorkingHours.Create(
            [1, 2, 3, 4, 5], ClockTime.FromMinutes(9 * 60), ClockTime.FromMinutes(17 * 60), [30], new SchedulingRules(DailyBookingLimit: 1)));
        return human;
    }
}

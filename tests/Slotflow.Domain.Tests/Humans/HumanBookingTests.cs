using Slotflow.Domain.Bookings;
using Slotflow.Domain.Common;
using Slotflow.Domain.Humans;
using Slotflow.Domain.Scheduling;
using static Slotflow.Domain.Tests.DomainAssert;

namespace Slotflow.Domain.Tests.Humans;

/// <summary>Human.Book: the booking decision on the aggregate, refusing in the spec's order and bumping the token only when it books.</summary>
public sealed class HumanBookingTests
{
    // Monday 16 March 2026 in New York (UTC−4 after the change of 8 March); the human works 09:00–17:00 there.
    private static readonly DateTimeOffset MondayTen = new(2026, 3, 16, 10, 0, 0, TimeSpan.FromHours(-4));
    private static readonly DateTimeOffset Now = MondayTen.AddDays(-7);
    private static readonly DateOnly Monday = new(2026, 3, 16);

    [Test]
    public void Book_WhenTheIntervalIsFree_ReturnsAConfirmedBooking_RaisesItsEvent_AndBumpsTheToken()
    {
        var human = NineToFive();
        var version = human.Version;

        var booking = human.Book([], [], MondayTen, 30, "Grace Hopper", "grace@example.com", """{"deal":"A-17"}""", Now);

        Assert.Multiple(() =>
        {
            Assert.That(booking.HumanId, Is.EqualTo(human.Id));
            Assert.That(booking.OrganizationId, Is.EqualTo(human.OrganizationId));
            Assert.That(booking.StartsAt, Is.EqualTo(MondayTen));
            Assert.That(booking.Status, Is.EqualTo(BookingStatus.Confirmed));
            Assert.That(booking.DomainEvents.OfType<BookingConfirmed>().Count(), Is.EqualTo(1));
            Assert.That(human.Version, Is.EqualTo(version + 1));
        });
    }

    private static readonly object[] Refusals =
    [
        new object[] { "a duration the human does not take", MondayTen, 45, Array.Empty<TimeRange>(), false, ErrorCode.InvalidDuration },
        new object[] { "before working hours", MondayTen.AddHours(-2), 30, Array.Empty<TimeRange>(), false, ErrorCode.OutsideWorkingHours },
        new object[] { "on a Saturday", MondayTen.AddDays(5), 30, Array.Empty<TimeRange>(), false, ErrorCode.OutsideWorkingHours },
        new object[] { "inside a block", MondayTen, 30, Array.Empty<TimeRange>(), true, ErrorCode.ScheduleBlocked },
        new object[] { "over a confirmed booking", MondayTen, 30, new[] { new TimeRange(MondayTen.AddMinutes(15), MondayTen.AddMinutes(45)) }, false, ErrorCode.SlotUnavailable },
        new object[] { "in the past", Now.AddDays(-1), 30, Array.Empty<TimeRange>(), false, ErrorCode.ValidationError },
    ];

    [TestCaseSource(nameof(Refusals))]
    public void Book_WhenTheRulesRefuse_ThrowsTheCode_AndLeavesTheTokenAlone(
        string why, DateTimeOffset startsAt, int duration, TimeRange[] taken, bool blockedMorning, ErrorCode code)
    {
        var human = NineToFive();
        var version = human.Version;
        IReadOnlyList<ScheduleOverride> overrides = blockedMorning
            ? [ScheduleOverride.Create(human.Id, OverrideType.Block, "Offsite", Monday, null, (ClockTime.FromMinutes(9 * 60), ClockTime.FromMinutes(12 * 60)), null, Now)]
            : [];

        Assert.That(() => human.Book(overrides, [.. taken.Select(TakenTime.Unbuffered)], startsAt, duration, "Grace Hopper", null, null, Now), ThrowsDomainError(code), why);
        Assert.That(human.Version, Is.EqualTo(version), why);
    }

    [Test]
    public void Book_WhenTheHumanWasDeleted_ThrowsNotFound()
    {
        var human = NineToFive();
        human.Deactivate();

        Assert.That(() => human.Book([], [], MondayTen, 30, "Grace Hopper", null, null, Now), ThrowsDomainError(ErrorCode.NotFound));
    }

    [Test]
    public void Book_WhenTheAttendeeNameIsBlank_RefusesWithoutBumpingTheToken()
    {
        var human = NineToFive();
        var version = human.Version;

        Assert.That(() => human.Book([], [], MondayTen, 30, " ", null, null, Now), ThrowsDomainError(ErrorCode.ValidationError));
        Assert.That(human.Version, Is.EqualTo(version));
    }

    private static Human NineToFive()
    {
        var human = Human.Create(Guid.NewGuid(), "Ada", "America/New_York", null, null, Now);
        human.SetWorkingHours(WorkingHours.Create([1, 2, 3, 4, 5], ClockTime.FromMinutes(9 * 60), ClockTime.FromMinutes(17 * 60), [30, 60]));
        return human;
    }
}

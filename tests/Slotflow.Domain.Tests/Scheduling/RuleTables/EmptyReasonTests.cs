using Slotflow.Domain.Humans;
using Slotflow.Domain.Scheduling;
using static Slotflow.Domain.Tests.Scheduling.Schedules;

namespace Slotflow.Domain.Tests.Scheduling.RuleTables;

/// <summary>
/// Explained empty answers (spec §11.5): the rule that removed the most candidate starts, each counted under the
/// first rule that removes it; and the first bookable start after a date. UTC, 09:00–17:00 Monday to Friday, 60-minute
/// meetings (8 candidates a day); now is Monday 2 March 2026 12:00Z.
/// </summary>
public sealed class EmptyReasonTests
{
    private static readonly DateTimeOffset Now = Utc("2026-03-02T12:00Z");
    private static readonly DateOnly Tuesday = Date("2026-03-03");

    private static Availability Engine(
        SchedulingRules? rules = null, IReadOnlyList<ScheduleOverride>? overrides = null, IReadOnlyList<TakenTime>? taken = null) =>
        RulesEngine("UTC", Rules(MondayToFriday, "09:00", "17:00", rules ?? SchedulingRules.None, 60), overrides ?? [], taken ?? []);

    private static TakenTime Booked(string start, string end) => TakenTime.Unbuffered(Range(start, end));

    [Test]
    public void AFreeDay_HasNoReason() => Assert.That(Engine().WhyEmpty(Tuesday, Tuesday, 60, Now), Is.Null);

    [Test]
    public void AWeekend_IsNotWorking() =>
        Assert.That(Engine().WhyEmpty(Date("2026-03-07"), Date("2026-03-08"), 60, Now), Is.EqualTo(EmptyReason.NotWorking));

    [Test]
    public void AnAllDayBlock_IsBlocked() =>
        Assert.That(Engine(overrides: [Block("2026-03-03")]).WhyEmpty(Tuesday, Tuesday, 60, Now), Is.EqualTo(EmptyReason.Blocked));

    [Test]
    public void ADayOfBookings_IsFullyBooked() =>
        Assert.That(Engine(taken: [Booked("2026-03-03T09:00Z", "2026-03-03T17:00Z")]).WhyEmpty(Tuesday, Tuesday, 60, Now), Is.EqualTo(EmptyReason.FullyBooked));

    [Test]
    public void AHoldCountsAsBooked() =>
        Assert.That(
            Engine(taken: [new TakenTime(Range("2026-03-03T09:00Z", "2026-03-03T17:00Z"), Range("2026-03-03T09:00Z", "2026-03-03T17:00Z"), Held: true)])
                .WhyEmpty(Tuesday, Tuesday, 60, Now),
            Is.EqualTo(EmptyReason.FullyBooked));

    [Test]
    public void TodaysPast_IsPassed_AndSoIsTheNotice() =>
        Assert.Multiple(() =>
        {
            Assert.That(Engine().WhyEmpty(Date("2026-03-02"), Date("2026-03-02"), 60, Utc("2026-03-02T17:00Z")), Is.EqualTo(EmptyReason.Passed));
            Assert.That(Engine(new SchedulingRules(MinimumNotice: 3 * 24 * 60)).WhyEmpty(Tuesday, Tuesday, 60, Now), Is.EqualTo(EmptyReason.Passed));
        });

    [Test]
    public void PastTheHorizon_IsBeyondHorizon() =>
        Assert.That(Engine(new SchedulingRules(BookingHorizonDays: 1)).WhyEmpty(Date("2026-03-05"), Date("2026-03-06"), 60, Now), Is.EqualTo(EmptyReason.BeyondHorizon));

    [Test]
    public void AFullDay_IsLimitReached_EvenWhereTheRestIsFree() =>
        Assert.That(
            Engine(new SchedulingRules(DailyBookingLimit: 1), taken: [Booked("2026-03-03T09:00Z", "2026-03-03T10:00Z")]).WhyEmpty(Tuesday, Tuesday, 60, Now),
            Is.EqualTo(EmptyReason.LimitReached));

    [Test]
    public void TheRuleThatRemovedTheMost_Wins()
    {
        // Tuesday 09:00-11:00 blocked (2 candidates), 11:00-17:00 booked (6): fully booked.
        var engine = Engine(overrides: [Block("2026-03-03", start: "09:00", end: "11:00")], taken: [Booked("2026-03-03T11:00Z", "2026-03-03T17:00Z")]);
        Assert.That(engine.WhyEmpty(Tuesday, Tuesday, 60, Now), Is.EqualTo(EmptyReason.FullyBooked));

        // The other way round: blocked.
        var other = Engine(overrides: [Block("2026-03-03", start: "09:00", end: "15:00")], taken: [Booked("2026-03-03T15:00Z", "2026-03-03T17:00Z")]);
        Assert.That(other.WhyEmpty(Tuesday, Tuesday, 60, Now), Is.EqualTo(EmptyReason.Blocked));
    }

    [Test]
    public void FirstStartBetween_IsTheFirstSlotAfterTheDate_OrNull()
    {
        var engine = Engine(taken: [Booked("2026-03-03T09:00Z", "2026-03-03T12:00Z")]);
        Assert.Multiple(() =>
        {
            Assert.That(engine.FirstStartBetween(Date("2026-03-02"), Date("2026-03-09"), 60, Now), Is.EqualTo(Utc("2026-03-03T12:00Z")));
            Assert.That(engine.FirstStartBetween(Date("2026-03-06"), Date("2026-03-09"), 60, Now), Is.EqualTo(Utc("2026-03-09T09:00Z")), "over the weekend");
            Assert.That(engine.FirstStartBetween(Date("2026-03-06"), Date("2026-03-08"), 60, Now), Is.Null, "nothing in the weekend");
            Assert.That(engine.FirstStartBetween(Date("2026-03-02"), Date("2026-03-09"), 45, Now), Is.Null, "a duration the human does not take");
        });
    }
}

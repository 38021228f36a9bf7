using Slotflow.Domain.Organizations;

namespace Slotflow.Domain.Tests.Organizations;

public sealed class PlanLimitsTests
{
    [TestCase(Plan.Free, 100, 1, 2, false)]
    [TestCase(Plan.Starter, 1_000, 5, 10, true)]
    [TestCase(Plan.Growth, 10_000, 25, null, true)]
    public void For_EachPlan_MatchesSpecTable(Plan plan, int monthlyBookings, int maxHumans, int? maxWebhooks, bool allowsOverage) =>
        Assert.That(PlanLimits.For(plan), Is.EqualTo(new PlanLimits(monthlyBookings, maxHumans, maxWebhooks, allowsOverage)));

    [Test]
    public void For_WhenPlanIsUnknown_Throws() =>
        Assert.That(() => PlanLimits.For((Plan)99), Throws.TypeOf<ArgumentOutOfRangeException>());
}

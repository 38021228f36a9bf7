using Slotflow.Domain.Common;
using Slotflow.Domain.Organizations;

namespace Slotflow.Domain.Tests.Organizations;

public sealed class MonthlyUsageTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(31)]
    [TestCase(32)]
    [TestCase(100)]
    [TestCase(10_499)]
    public void Part_OverEveryShard_AddsUpToTheTotalAndDiffersByAtMostOne(int total)
    {
        var parts = Enumerable.Range(0, MonthlyUsage.Shards).Select(s => MonthlyUsage.Part(total, s)).ToList();

        Assert.That(parts.Sum(), Is.EqualTo(total));
        Assert.That(parts.Max() - parts.Min(), Is.LessThanOrEqualTo(1));
    }

    [Test]
    public void CountOne_WhenTheMonthIsNew_CountsOneAndSpreadsTheRestOfTheLimit()
    {
        var organization = Organization.Create("Acme", Plan.Starter, autoPurchase: false, Now);
        var month = NewMonth(organization.Id);

        var bought = MonthlyUsage.CountOne(month, organization);

        Assert.Multiple(() =>
        {
            Assert.That(bought, Is.False);
            Assert.That(month.Sum(s => s.Bookings), Is.EqualTo(1));
            Assert.That(month.Sum(s => s.Allowance), Is.EqualTo(1_000));
            Assert.That(month.Sum(s => s.ExtraAllowance), Is.Zero);
            Assert.That(month.All(s => s.Bookings <= s.Allowance), Is.True);
            Assert.That(month.All(s => s.OrganizationVersion == organization.Version), Is.True);
            Assert.That(month.Max(s => s.Allowance - s.Bookings) - month.Min(s => s.Allowance - s.Bookings), Is.LessThanOrEqualTo(1));
        });
    }

    [Test]
    public void CountOne_RepeatedUpToTheLimit_CountsEveryBookingThenRefusesOnAPlanWithoutPacks()
    {
        var organization = Organization.Create("Acme", Plan.Free, autoPurchase: false, Now);
        var month = NewMonth(organization.Id);

        for (var booking = 1; booking <= 100; booking++)
        {
            MonthlyUsage.CountOne(month, organization);
        }

        var refusal = Assert.Throws<DomainException>(() => MonthlyUsage.CountOne(month, organization))!;
        Assert.Multiple(() =>
        {
            Assert.That(refusal.Code, Is.EqualTo(ErrorCode.LimitReached));
            Assert.That(refusal.Message, Is.EqualTo("The monthly limit of 100 bookings on the free plan is reached."));
            Assert.That(month.Sum(s => s.Bookings), Is.EqualTo(100));
            Assert.That(month.All(s => s.Bookings == s.Allowance), Is.True);
        });
    }

    [Test]
    public void CountOne_WhenFullAndAutoPurchaseIsOff_RefusesAndChangesNothing()
    {
        var organization = Organization.Create("Acme", Plan.Starter, autoPurchase: false, Now);
        var month = FullMonth(organization, 1_000);
        var before = month.Select(s => (s.Bookings, s.Allowance, s.ExtraAllowance, s.OrganizationVersion)).ToList();

        Assert.Throws<DomainException>(() => MonthlyUsage.CountOne(month, organization));
        Assert.That(month.Select(s => (s.Bookings, s.Allowance, s.ExtraAllowance, s.OrganizationVersion)), Is.EqualTo(before));
    }

    [Test]
    public void CountOne_WhenFullAndAutoPurchaseIsOn_BuysExactlyOnePackAndCountsInIt()
    {
        var organization = Organization.Create("Acme", Plan.Starter, autoPurchase: true, Now);
        var month = FullMonth(organization, 1_000);

        var bought = MonthlyUsage.CountOne(month, organization);
        var boughtAgain = MonthlyUsage.CountOne(month, organization);

        Assert.Multiple(() =>
        {
            Assert.That(bought, Is.True);
            Assert.That(boughtAgain, Is.False);
            Assert.That(month.Sum(s => s.Bookings), Is.EqualTo(1_002));
            Assert.That(month.Sum(s => s.ExtraAllowance), Is.EqualTo(OverageCharge.PackBookings));
            Assert.That(month.Sum(s => s.Allowance), Is.EqualTo(1_000 + OverageCharge.PackBookings));
        });
    }

    [Test]
    public void CountOne_WhenRowsCountedUnevenly_RecountsTheWholeMonthAndEvensTheRoom()
    {
        var organization = Organization.Create("Acme", Plan.Starter, autoPurchase: false, Now);
        var month = NewMonth(organization.Id);
        MonthlyUsage.CountOne(month, organization);

        // A row kept from before sharding: all of the month's bookings on row 0, nothing spread.
        var kept = NewMonth(organization.Id);
        SetBookings(kept[0], 990);

        MonthlyUsage.CountOne(kept, organization);

        Assert.Multiple(() =>
        {
            Assert.That(kept.Sum(s => s.Bookings), Is.EqualTo(991));
            Assert.That(kept.Sum(s => s.Allowance - s.Bookings), Is.EqualTo(9));
            Assert.That(kept.All(s => s.Bookings <= s.Allowance), Is.True);
            Assert.That(kept.Max(s => s.Allowance - s.Bookings), Is.LessThanOrEqualTo(1));
        });
    }

    [Test]
    public void CountOne_WhenThePlanMovedBelowTheMonthsBookings_BuysOnePackAndKeepsEveryBookingCounted()
    {
        var organization = Organization.Create("Acme", Plan.Growth, autoPurchase: true, Now);
        var month = FullMonth(organization, 2_000);
        organization.ChangePlan(Plan.Starter, autoPurchase: true);

        var bought = MonthlyUsage.CountOne(month, organization);

        Assert.Multiple(() =>
        {
            Assert.That(bought, Is.True);
            Assert.That(month.Sum(s => s.Bookings), Is.EqualTo(2_001));
            Assert.That(month.Sum(s => s.Allowance), Is.EqualTo(1_500));
            Assert.That(month.All(s => s.OrganizationVersion == organization.Version), Is.True);
        });
    }

    [Test]
    public void CountOne_WhenARowIsMissing_Throws()
    {
        var organization = Organization.Create("Acme", Plan.Starter, autoPurchase: false, Now);

        Assert.Throws<ArgumentException>(() => MonthlyUsage.CountOne(NewMonth(organization.Id).Skip(1).ToList(), organization));
    }

    private static List<MonthlyUsage> NewMonth(Guid organizationId) =>
        [.. Enumerable.Range(0, MonthlyUsage.Shards).Select(s => new MonthlyUsage(organizationId, 202603, s))];

    private static List<MonthlyUsage> FullMonth(Organization organization, int bookings)
    {
        var month = NewMonth(organization.Id);
        for (var booking = 0; booking < bookings; booking++)
        {
            MonthlyUsage.CountOne(month, organization);
        }

        return month;
    }

    private static void SetBookings(MonthlyUsage row, int bookings) =>
        typeof(MonthlyUsage).GetProperty(nameof(MonthlyUsage.Bookings))!.SetValue(row, bookings);
}

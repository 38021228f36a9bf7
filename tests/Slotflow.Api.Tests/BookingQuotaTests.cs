using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Slotflow.Api.Tests.Support;
using Slotflow.Domain.Organizations;

namespace Slotflow.Api.Tests;

/// <summary>Spec §8: the monthly booking quota holds under concurrency, and a paid plan buys exactly the packs it needs.</summary>
public sealed class BookingQuotaTests : ServiceFixture
{
    private const string Rules = """{"working_days":[1,2,3,4,5],"work_start":"09:00","work_end":"17:00","meeting_durations":[30]}""";
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset FirstMonday = new(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);

    private readonly SettableClock _clock = new(Now);

    protected override TimeProvider Clock => _clock;

    [SetUp]
    public void HoldTheClock() => _clock.Now = Now;

    [Test]
    [Repeat(3)]
    public async Task FreePlanWithFiveLeft_TwentyConcurrentBookings_GiveFive201AndFifteen402()
    {
        var organization = await Factory.CreateOrganizationAsync("free");
        var humanId = await HumanSetup.CreateAsync(organization.Client, rules: Rules);
        await SetUsageAsync(organization, bookings: 95);

        var statuses = await BookAtOnceAsync(organization, [humanId], 20);

        Assert.Multiple(() =>
        {
            Assert.That(statuses.Count(s => s == 201), Is.EqualTo(5), string.Join(",", statuses));
            Assert.That(statuses.Count(s => s == 402), Is.EqualTo(15), string.Join(",", statuses));
        });
        var usage = await UsageAsync(organization);
        Assert.That((usage.Bookings, usage.ExtraAllowance), Is.EqualTo((100, 0)));
        Assert.That(await ChargesAsync(organization), Is.Empty);
    }

    [Test]
    [Repeat(3)]
    public async Task PaidPlanWithAutoPurchaseAtItsLimit_TwentyConcurrentBookings_AllSucceedWithExactlyOnePack()
    {
        var organization = await Factory.CreateOrganizationAsync("starter", autoPurchase: true);
        var humans = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            humans.Add(await HumanSetup.CreateAsync(organization.Client, rules: Rules));
        }

        await SetUsageAsync(organization, bookings: 1_000);

        var statuses = await BookAtOnceAsync(organization, humans, 20);

        Assert.That(statuses, Has.All.EqualTo(201), string.Join(",", statuses));
        var usage = await UsageAsync(organization);
        Assert.That((usage.Bookings, usage.ExtraAllowance), Is.EqualTo((1_020, 500)));
        var charges = await ChargesAsync(organization);
        Assert.That(charges, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(charges[0].AmountCents, Is.EqualTo(1900));
            Assert.That(charges[0].Bookings, Is.EqualTo(500));
            Assert.That(charges[0].Month, Is.EqualTo(202603));
            Assert.That(charges[0].CreatedAt, Is.EqualTo(Now));
        });
    }

    [Test]
    public async Task PaidPlanWithoutAutoPurchase_AtItsLimit_Returns402AndBuysNothing()
    {
        var organization = await Factory.CreateOrganizationAsync("starter", autoPurchase: false);
        var humanId = await HumanSetup.CreateAsync(organization.Client, rules: Rules);
        await SetUsageAsync(organization, bookings: 1_000);

        var statuses = await BookAtOnceAsync(organization, [humanId], 1);

        Assert.That(statuses, Is.EqualTo(new[] { 402 }));
        Assert.That(await ChargesAsync(organization), Is.Empty);
    }

    [Test]
    public async Task Usage_CountsInTheUtcMonthOfCreation_AndCancellingDoesNotGiveItBack()
    {
        var organization = await Factory.CreateOrganizationAsync("free");
        var humanId = await HumanSetup.CreateAsync(organization.Client, rules: Rules);
        await SetUsageAsync(organization, bookings: 99);
        var last = await organization.Client.PostAsync("/v1/bookings", WireJson.Body(Booking(humanId, FirstMonday)));
        Assert.That(last.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var id = (await WireJson.ReadAsync(last)).GetProperty("id").GetString();
        await organization.Client.DeleteAsync($"/v1/bookings/{id}");

        var refused = await organization.Client.PostAsync("/v1/bookings", WireJson.Body(Booking(humanId, FirstMonday.AddHours(1))));
        await WireJson.AssertErrorAsync(refused, HttpStatusCode.PaymentRequired, "LIMIT_REACHED");

        _clock.Now = new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);
        var nextMonth = await organization.Client.PostAsync("/v1/bookings", WireJson.Body(Booking(humanId, new DateTimeOffset(2026, 4, 6, 13, 0, 0, TimeSpan.Zero))));
        Assert.That(nextMonth.StatusCode, Is.EqualTo(HttpStatusCode.Created), await nextMonth.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task QuotaIsCheckedLast_AnOccupiedSlotAtTheLimitIs409()
    {
        var organization = await Factory.CreateOrganizationAsync("free");
        var humanId = await HumanSetup.CreateAsync(organization.Client, rules: Rules);
        await SetUsageAsync(organization, bookings: 99);
        Assert.That((await organization.Client.PostAsync("/v1/bookings", WireJson.Body(Booking(humanId, FirstMonday)))).StatusCode, Is.EqualTo(HttpStatusCode.Created));

        var taken = await organization.Client.PostAsync("/v1/bookings", WireJson.Body(Booking(humanId, FirstMonday)));

        await WireJson.AssertErrorAsync(taken, HttpStatusCode.Conflict, "SLOT_UNAVAILABLE");
    }

    private static string Booking(string humanId, DateTimeOffset start) =>
        $$"""{"human_id":"{{humanId}}","starts_at":"{{start.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}}","duration":30,"attendee_name":"Quota"}""";

    /// <summary>Books <paramref name="count"/> distinct free half hours at once, spread over the humans.</summary>
    private static async Task<List<int>> BookAtOnceAsync(TestOrganization organization, List<string> humans, int count)
    {
        var requests = Enumerable.Range(0, count).Select(i =>
        {
            var humanId = humans[i % humans.Count];
            var slot = i / humans.Count;
            var start = FirstMonday.AddDays(slot / 16).AddMinutes(30 * (slot % 16));
            return organization.Client.PostAsync("/v1/bookings", WireJson.Body(Booking(humanId, start)));
        });
        var responses = await Task.WhenAll(requests);
        var statuses = responses.Select(r => (int)r.StatusCode).ToList();
        Assert.That(statuses, Has.None.GreaterThanOrEqualTo(500));
        return statuses;
    }

    /// <summary>Puts the current month at <paramref name="bookings"/> in one row not spread, as a month counted before the rows were sharded.</summary>
    private Task<int> SetUsageAsync(TestOrganization organization, int bookings) =>
        Factory.QueryAsync(async db =>
        {
            db.MonthlyUsage.Add(new MonthlyUsage(organization.Id, OverageCharge.MonthKey(Now), shard: 0));
            await db.SaveChangesAsync();
            return await db.MonthlyUsage.Where(u => u.OrganizationId == organization.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(u => u.Bookings, bookings));
        });

    /// <summary>The month's count over all of its rows.</summary>
    private Task<(int Bookings, int ExtraAllowance)> UsageAsync(TestOrganization organization) =>
        Factory.QueryAsync(async db =>
        {
            var rows = await db.MonthlyUsage.AsNoTracking().Where(u => u.OrganizationId == organization.Id && u.Month == 202603).ToListAsync();
            return (rows.Sum(r => r.Bookings), rows.Sum(r => r.ExtraAllowance));
        });

    private Task<List<OverageCharge>> ChargesAsync(TestOrganization organization) =>
        Factory.QueryAsync(db => db.OverageCharges.AsNoTracking().Where(c => c.OrganizationId == organization.Id).ToListAsync());
}

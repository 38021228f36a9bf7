using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Slotflow.Api.Tests.Support;
using Slotflow.Domain.Bookings;
using Slotflow.Domain.Organizations;

namespace Slotflow.Api.Tests.SeveralHumans;

/// <summary>
/// POST /v1/bookings with human_ids (spec §12) over HTTP: whoever of the pool is free, the fewest bookings in the week
/// first (ties in the order given); none free, the first human's refusal with the pool's alternatives; idempotency,
/// quota, holds and the check behave as for one human. New York humans, Mon–Fri 09:00–17:00; the clock is Monday
/// 2 March 2026 00:00Z, and the week booked is that of Monday 9 March (EDT, UTC−4).
/// </summary>
public sealed class PooledBookingTests : ServiceFixture
{
    private const string Rules = """{"working_days":[1,2,3,4,5],"work_start":"09:00","work_end":"17:00","meeting_durations":[15,30,60]}""";
    private static readonly DateTimeOffset Monday9 = new(2026, 3, 9, 13, 0, 0, TimeSpan.Zero);

    private readonly SettableClock _clock = new(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero));

    protected override TimeProvider Clock => _clock;

    [Test]
    public async Task AHundredPooledBookingsOverFourEquallyFreeHumans_GiveEachTwentyFive_InTurns()
    {
        var organization = await Factory.CreateOrganizationAsync();
        var pool = await PoolAsync(organization, 4);

        var chosen = new List<string>();
        for (var i = 0; i < 100; i++)
        {
            var start = Monday9.AddDays(i / 32).AddMinutes(15 * (i % 32)); // 100 distinct quarter hours of one week
            var response = await organization.Client.PostAsync("/v1/bookings", WireJson.Body(Pooled(pool, start, 15)));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
            chosen.Add((await WireJson.ReadAsync(response)).GetProperty("human_id").GetString()!);
        }

        Assert.Multiple(() =>
        {
            Assert.That(pool.Select(h => chosen.Count(c => c == h)), Is.EqualTo(new[] { 25, 25, 25, 25 }));
            Assert.That(chosen.Take(8), Is.EqualTo(pool.Concat(pool)), "ties go in the order given");
        });
    }

    [Test]
    public async Task TheHumanWithFewestBookingsInTheWeekIsChosen_NotTheFirstGiven_AndOtherWeeksDoNotCount()
    {
        var organization = await Factory.CreateOrganizationAsync();
        var (anna, ben, cleo) = (await HumanAsync(organization), await HumanAsync(organization), await HumanAsync(organization));
        await BookAsync(organization, anna, Monday9.AddHours(1));
        await BookAsync(organization, ben, Monday9.AddHours(1));
        await BookAsync(organization, ben, Monday9.AddDays(1));
        for (var i = 0; i < 3; i++)
        {
            await BookAsync(organization, cleo, Monday9.AddDays(7).AddHours(i)); // the next week
        }

        var response = await organization.Client.PostAsync("/v1/bookings", WireJson.Body(Pooled([anna, ben, cleo], Monday9.AddDays(2), 30)));

        Assert.That((await WireJson.ReadAsync(response)).GetProperty("human_id").GetString(), Is.EqualTo(cleo));
    }

    [Test]
    public async Task AHumanBusyAtThatTime_IsPassedOver_EvenWithFewestBookings()
    {
        var organization = await Factory.CreateOrganizationAsync();
        var (anna, ben) = (await HumanAsync(organization), await HumanAsync(organization));
        await BookAsync(organization, ben, Monday9.AddDays(1));
        var hold = await organization.Client.PostAsync("/v1/holds", WireJson.Body(
            $$"""{"human_id":"{{anna}}","starts_at":"{{WireTime(Monday9)}}","duration":30}"""));
        Assert.That(hold.StatusCode, Is.EqualTo(HttpStatusCode.Created));

        var response = await organization.Client.PostAsync("/v1/bookings", WireJson.Body(Pooled([anna, ben], Monday9, 30)));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That((await WireJson.ReadAsync(response)).GetProperty("human_id").GetString(), Is.EqualTo(ben), "anna's hold takes the time");
    }

    [Test]
    public async Task AHumanAtItsDailyLimit_OrWhoseBufferReachesTheTime_IsPassedOver_AsASingleBookingWouldRefuseIt()
    {
        var organization = await Factory.CreateOrganizationAsync();
        var limited = await HumanSetup.CreateAsync(organization.Client, rules: """{"working_days":[1,2,3,4,5],"work_start":"09:00","work_end":"17:00","meeting_durations":[30],"daily_booking_limit":1}""");
        var buffered = await HumanSetup.CreateAsync(organization.Client, rules: """{"working_days":[1,2,3,4,5],"work_start":"09:00","work_end":"17:00","meeting_durations":[30],"buffer_after":30}""");
        var free = await HumanAsync(organization);
        await BookAsync(organization, limited, Monday9.AddHours(5));
        await BookAsync(organization, buffered, Monday9.AddHours(1)); // 10:00–10:30, blocked until 11:00
        await BookAsync(organization, free, Monday9.AddHours(3));
        await BookAsync(organization, free, Monday9.AddHours(4)); // the most bookings this week: tried last

        var first = await organization.Client.PostAsync("/v1/bookings", WireJson.Body(Pooled([limited, buffered, free], Monday9.AddHours(1.5), 30)));
        var second = await organization.Client.PostAsync("/v1/bookings", WireJson.Body(Pooled([limited, buffered], Monday9.AddHours(1.5), 30)));

        Assert.That((await WireJson.ReadAsync(first)).GetProperty("human_id").GetString(), Is.EqualTo(free), await first.Content.ReadAsStringAsync());
        var refusal = await WireJson.AssertErrorAsync(second, HttpStatusCode.UnprocessableEntity, "BOOKING_LIMIT_REACHED");
        Assert.That(refusal.GetProperty("alternatives").GetArrayLength(), Is.EqualTo(3), "the buffered human is free at other times");
    }

    [Test]
    public async Task NoneFree_AnswersTheFirstHumansRefusal_WithThePoolsAlternativesAndWhoIsFree_AndWritesNothing()
    {
        var organization = await Factory.CreateOrganizationAsync();
        var (anna, ben) = (await HumanAsync(organization), await HumanAsync(organization));
        await HumanSetup.AddOverrideAsync(organization.Client, anna, """{"type":"block","all_day":false,"start_date":"2026-03-09","start_time":"09:00","end_time":"10:00"}""");
        await BookAsync(organization, ben, Monday9);
        var before = await ConfirmedCountAsync(organization);

        var blockedFirst = await organization.Client.PostAsync("/v1/bookings", WireJson.Body(Pooled([anna, ben], Monday9, 30)));
        var takenFirst = await organization.Client.PostAsync("/v1/bookings", WireJson.Body(Pooled([ben, anna], Monday9, 30)));

        var blocked = await WireJson.AssertErrorAsync(blockedFirst, HttpStatusCode.UnprocessableEntity, "SCHEDULE_BLOCKED");
        var taken = await WireJson.AssertErrorAsync(takenFirst, HttpStatusCode.Conflict, "SLOT_UNAVAILABLE");
        Assert.Multiple(() =>
        {
            // 09:30 ben is free (his booking ends then), anna is blocked until 10:00; 10:00 both; 08:30 neither works.
            Assert.That(Offered(blocked), Is.EqualTo(new[] { ("2026-03-09T13:30:00.000Z", new[] { ben }), ("2026-03-09T14:00:00.000Z", new[] { anna, ben }), ("2026-03-09T14:30:00.000Z", new[] { anna, ben }) }));
            Assert.That(Offered(taken), Is.EqualTo(new[] { ("2026-03-09T13:30:00.000Z", new[] { ben }), ("2026-03-09T14:00:00.000Z", new[] { ben, anna }), ("2026-03-09T14:30:00.000Z", new[] { ben, anna }) }));
            Assert.That(taken.GetProperty("conflict").GetProperty("starts_at").GetString(), Is.EqualTo("2026-03-09T13:00:00.000Z"));
            Assert.That(blocked.TryGetProperty("conflict", out _), Is.False);
        });
        Assert.That(await ConfirmedCountAsync(organization), Is.EqualTo(before));
    }

    [Test]
    public async Task ADurationOnlySomeAllow_BooksOneOfThem_AndNoneAllowingItIsTheFirstsInvalidDuration()
    {
        var organization = await Factory.CreateOrganizationAsync();
        var thirty = await HumanSetup.CreateAsync(organization.Client, rules: HumanSetup.WeekdaysNineToFive);
        var any = await HumanAsync(organization);

        var sixty = await organization.Client.PostAsync("/v1/bookings", WireJson.Body(Pooled([thirty, any], Monday9, 60)));
        var fortyFive = await organization.Client.PostAsync("/v1/bookings", WireJson.Body(Pooled([thirty, any], Monday9, 45)));

        Assert.That((await WireJson.ReadAsync(sixty)).GetProperty("human_id").GetString(), Is.EqualTo(any));
        var error = await WireJson.AssertErrorAsync(fortyFive, HttpStatusCode.UnprocessableEntity, "INVALID_DURATION");
        Assert.That(error.GetProperty("alternatives").GetArrayLength(), Is.Zero, "nobody takes 45 minutes");
    }

    [Test]
    public async Task AnUnknownOrForeignHuman_Is404_BeforeAnythingIsBooked()
    {
        var organization = await Factory.CreateOrganizationAsync();
        var other = await Factory.CreateOrganizationAsync();
        var anna = await HumanAsync(organization);
        var foreign = await HumanAsync(other);

        foreach (var missing in new[] { Guid.NewGuid().ToString(), foreign })
        {
            var response = await organization.Client.PostAsync("/v1/bookings", WireJson.Body(Pooled([anna, missing], Monday9, 30)));
            await WireJson.AssertErrorAsync(response, HttpStatusCode.NotFound, "NOT_FOUND");
        }

        Assert.That(await ConfirmedCountAsync(organization), Is.Zero);
    }

    [Test]
    public async Task ARepeatWithTheSameIdempotencyKey_ReplaysTheBooking_AndBooksNobodyElse()
    {
        var organization = await Factory.CreateOrganizationAsync();
        var pool = await PoolAsync(organization, 2);
        var body = Pooled(pool, Monday9, 30);

        var first = await PostWithKeyAsync(organization, "/v1/bookings", body, "pool-key-1");
        var again = await PostWithKeyAsync(organization, "/v1/bookings", body, "pool-key-1");

        Assert.Multiple(async () =>
        {
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(again.Headers.Contains("Idempotent-Replayed"), Is.True);
            Assert.That(await again.Content.ReadAsStringAsync(), Is.EqualTo(await first.Content.ReadAsStringAsync()));
            Assert.That(await ConfirmedCountAsync(organization), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task AtTheQuota_Is402_AndTriesNobodyElse()
    {
        var organization = await Factory.CreateOrganizationAsync("starter", autoPurchase: false);
        var pool = await PoolAsync(organization, 2);
        await Factory.QueryAsync(async db =>
        {
            // The month at the starter plan's 1,000, in one row not spread, as the quota suite sets it.
            db.MonthlyUsage.Add(new MonthlyUsage(organization.Id, OverageCharge.MonthKey(_clock.GetUtcNow()), shard: 0));
            await db.SaveChangesAsync();
            return await db.MonthlyUsage.Where(u => u.OrganizationId == organization.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(u => u.Bookings, 1_000));
        });

        var response = await organization.Client.PostAsync("/v1/bookings", WireJson.Body(Pooled(pool, Monday9, 30)));

        await WireJson.AssertErrorAsync(response, HttpStatusCode.PaymentRequired, "LIMIT_REACHED");
        Assert.That(await ConfirmedCountAsync(organization), Is.Zero);
    }

    [Test]
    public async Task TheCheck_OfAPool_IsBookableWhileAnyoneIsFree_ThenTheRefusalThePooledBookingWouldGet()
    {
        var organization = await Factory.CreateOrganizationAsync();
        var (anna, ben) = (await HumanAsync(organization), await HumanAsync(organization));
        await BookAsync(organization, anna, Monday9);

        var oneFree = await WireJson.ReadAsync(await organization.Client.PostAsync("/v1/bookings/check", WireJson.Body(Pooled([anna, ben], Monday9, 30))));
        await BookAsync(organization, ben, Monday9);
        var noneFree = await WireJson.ReadAsync(await organization.Client.PostAsync("/v1/bookings/check", WireJson.Body(Pooled([anna, ben], Monday9, 30))));

        Assert.Multiple(() =>
        {
            Assert.That(oneFree.GetProperty("bookable").GetBoolean(), Is.True);
            Assert.That(noneFree.GetProperty("bookable").GetBoolean(), Is.False);
            Assert.That(noneFree.GetProperty("error").GetProperty("code").GetString(), Is.EqualTo("SLOT_UNAVAILABLE"));
            Assert.That(Offered(noneFree.GetProperty("error"))[0], Is.EqualTo(("2026-03-09T13:30:00.000Z", new[] { anna, ben })));
        });
    }

    [TestCase("""{"human_id":"{0}","human_ids":["{0}"]}""", "human_ids")]
    [TestCase("""{"human_ids":[]}""", "human_ids")]
    [TestCase("""{"human_ids":["{0}","{0}"]}""", "human_ids")]
    [TestCase("""{"human_ids":["00000000-0000-0000-0000-000000000000"]}""", "human_ids")]
    [TestCase("""{"human_ids":[{21}]}""", "human_ids")]
    [TestCase("""{}""", "human_id")]
    public async Task ABadPool_Is422NamingTheField(string who, string field)
    {
        var organization = await Factory.CreateOrganizationAsync();
        var humanId = await HumanAsync(organization);
        var many = string.Join(',', Enumerable.Range(0, 21).Select(_ => $"\"{Guid.NewGuid()}\""));
        var body = who.Replace("{0}", humanId, StringComparison.Ordinal).Replace("{21}", many, StringComparison.Ordinal)
            .TrimEnd('}') + (who == "{}" ? string.Empty : ",") + $$"""
"starts_at":"{{WireTime(Monday9)}}","duration":30,"attendee_name":"Someone"}
""";

        var response = await organization.Client.PostAsync("/v1/bookings", WireJson.Body(body));

        var error = await WireJson.AssertErrorAsync(response, HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
        Assert.That(error.GetProperty("details")[0].GetProperty("field").GetString(), Is.EqualTo(field), error.ToString());
    }

    private static async Task<List<string>> PoolAsync(TestOrganization organization, int size)
    {
        var pool = new List<string>();
        for (var i = 0; i < size; i++)
        {
            pool.Add(await HumanAsync(organization));
        }

        return pool;
    }

    private static Task<string> HumanAsync(TestOrganization organization) => HumanSetup.CreateAsync(organization.Client, rules: Rules);

    private static async Task BookAsync(TestOrganization organization, string humanId, DateTimeOffset start)
    {
        var response = await organization.Client.PostAsync("/v1/bookings", WireJson.Body(
            $$"""{"human_id":"{{humanId}}","starts_at":"{{WireTime(start)}}","duration":30,"attendee_name":"Someone"}"""));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
    }

    private static async Task<HttpResponseMessage> PostWithKeyAsync(TestOrganization organization, string path, string body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = WireJson.Body(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await organization.Client.SendAsync(request);
    }

    private Task<int> ConfirmedCountAsync(TestOrganization organization) =>
        Factory.QueryAsync(db => db.Bookings.CountAsync(b => b.OrganizationId == organization.Id && b.Status == BookingStatus.Confirmed));

    internal static string Pooled(IEnumerable<string> humanIds, DateTimeOffset start, int duration) =>
        $$"""{"human_ids":[{{string.Join(',', humanIds.Select(h => $"\"{h}\""))}}],"starts_at":"{{WireTime(start)}}","duration":{{duration}},"attendee_name":"Pooled"}""";

    internal static string WireTime(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    internal static List<(string, string[])> Offered(System.Text.Json.JsonElement error) =>
        [.. error.GetProperty("alternatives").EnumerateArray().Select(a => (
            a.GetProperty("starts_at").GetString()!,
            a.GetProperty("human_ids").EnumerateArray().Select(h => h.GetString()!).ToArray()))];
}

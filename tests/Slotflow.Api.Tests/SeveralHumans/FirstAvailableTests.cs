using System.Net;
using Microsoft.EntityFrameworkCore;
using Slotflow.Api.Tests.Support;
using Slotflow.Domain.Bookings;
using static Slotflow.Api.Tests.SeveralHumans.PooledBookingTests;

namespace Slotflow.Api.Tests.SeveralHumans;

/// <summary>
/// POST /v1/bookings/first-available (spec §12) over HTTP: "Anna at 10, else Ben at 10, else Anna at 14" books the
/// first candidate that is bookable and says which; none bookable is 409 with each candidate's code. New York humans,
/// Mon–Fri 09:00–17:00, 30 or 60 minutes; the clock is Monday 2 March 2026 00:00Z; Monday 9 March is EDT (UTC−4).
/// </summary>
public sealed class FirstAvailableTests : ServiceFixture
{
    private const string Rules = """{"working_days":[1,2,3,4,5],"work_start":"09:00","work_end":"17:00","meeting_durations":[30,60]}""";
    private static readonly DateTimeOffset Ten = new(2026, 3, 9, 14, 0, 0, TimeSpan.Zero);

    private readonly SettableClock _clock = new(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero));

    protected override TimeProvider Clock => _clock;

    [Test]
    public async Task BooksTheFirstBookableCandidate_AndSaysWhich()
    {
        var organization = await Factory.CreateOrganizationAsync();
        var (anna, ben) = (await HumanAsync(organization), await HumanAsync(organization));
        await BookAsync(organization, anna, Ten);

        var response = await organization.Client.PostAsync("/v1/bookings/first-available", WireJson.Body(
            Candidates([(anna, Ten), (ben, Ten), (anna, Ten.AddHours(4))], 30, ""","metadata":{"crm":"D-42"}""")));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var booking = await WireJson.ReadAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(booking.GetProperty("candidate_index").GetInt32(), Is.EqualTo(1));
            Assert.That(booking.GetProperty("human_id").GetString(), Is.EqualTo(ben));
            Assert.That(booking.GetProperty("starts_at").GetString(), Is.EqualTo("2026-03-09T14:00:00.000Z"));
            Assert.That(booking.GetProperty("metadata").GetProperty("crm").GetString(), Is.EqualTo("D-42"));
            Assert.That(response.Headers.Location?.ToString(), Does.EndWith($"/v1/bookings/{booking.GetProperty("id").GetString()}"));
        });
    }

    [Test]
    public async Task NoneBookable_Is409WithEachCandidatesCode_AndThePoolsAlternatives_AndWritesNothing()
    {
        var organization = await Factory.CreateOrganizationAsync();
        var (anna, ben) = (await HumanAsync(organization), await HumanAsync(organization));
        var deleted = await HumanAsync(organization);
        Assert.That((await organization.Client.DeleteAsync($"/v1/humans/{deleted}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var thirtyOnly = await HumanSetup.CreateAsync(organization.Client, rules: HumanSetup.WeekdaysNineToFive);
        await HumanSetup.AddOverrideAsync(organization.Client, ben, """{"type":"block","all_day":true,"start_date":"2026-03-09"}""");
        await BookAsync(organization, anna, Ten);
        var unknown = Guid.NewGuid().ToString();

        var response = await organization.Client.PostAsync("/v1/bookings/first-available", WireJson.Body(Candidates(
            [(anna, Ten), (ben, Ten.AddHours(1)), (anna, Ten.AddHours(-2)), (deleted, Ten), (unknown, Ten), (thirtyOnly, Ten)], 60)));

        var error = await WireJson.AssertErrorAsync(response, HttpStatusCode.Conflict, "SLOT_UNAVAILABLE");
        var codes = error.GetProperty("candidates").EnumerateArray()
            .Select(c => (c.GetProperty("human_id").GetString(), c.GetProperty("starts_at").GetString(), c.GetProperty("code").GetString())).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(codes, Is.EqualTo(new[]
            {
                (anna, "2026-03-09T14:00:00.000Z", "SLOT_UNAVAILABLE"),
                (ben, "2026-03-09T15:00:00.000Z", "SCHEDULE_BLOCKED"),
                (anna, "2026-03-09T12:00:00.000Z", "OUTSIDE_WORKING_HOURS"),
                (deleted, "2026-03-09T14:00:00.000Z", "NOT_FOUND"),
                (unknown, "2026-03-09T14:00:00.000Z", "NOT_FOUND"),
                (thirtyOnly, "2026-03-09T14:00:00.000Z", "INVALID_DURATION"),
            }));
            // Around the first candidate's start, of the candidates' humans who could take an hour: anna only.
            Assert.That(Offered(error), Is.EqualTo(new[] { ("2026-03-09T15:00:00.000Z", new[] { anna }), ("2026-03-09T13:00:00.000Z", new[] { anna }), ("2026-03-09T16:00:00.000Z", new[] { anna }) }));
        });
        Assert.That(await Factory.QueryAsync(db => db.Bookings.CountAsync(b => b.OrganizationId == organization.Id)), Is.EqualTo(1), "only anna's booking from before");
    }

    [Test]
    public async Task ARepeatWithTheSameIdempotencyKey_ReplaysTheBookingAndItsIndex()
    {
        var organization = await Factory.CreateOrganizationAsync();
        var (anna, ben) = (await HumanAsync(organization), await HumanAsync(organization));
        var body = Candidates([(anna, Ten), (ben, Ten)], 30);

        using var first = new HttpRequestMessage(HttpMethod.Post, "/v1/bookings/first-available") { Content = WireJson.Body(body) };
        first.Headers.Add("Idempotency-Key", "first-available-1");
        var booked = await organization.Client.SendAsync(first);
        using var again = new HttpRequestMessage(HttpMethod.Post, "/v1/bookings/first-available") { Content = WireJson.Body(body) };
        again.Headers.Add("Idempotency-Key", "first-available-1");
        var replayed = await organization.Client.SendAsync(again);

        Assert.Multiple(async () =>
        {
            Assert.That(replayed.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(replayed.Headers.Contains("Idempotent-Replayed"), Is.True);
            Assert.That(await replayed.Content.ReadAsStringAsync(), Is.EqualTo(await booked.Content.ReadAsStringAsync()));
            Assert.That(await Factory.QueryAsync(db => db.Bookings.CountAsync(b => b.OrganizationId == organization.Id)), Is.EqualTo(1));
        });
    }

    [TestCase("""{"duration":30,"attendee_name":"A"}""", "candidates")]
    [TestCase("""{"candidates":[],"duration":30,"attendee_name":"A"}""", "candidates")]
    [TestCase("""{"candidates":[null],"duration":30,"attendee_name":"A"}""", "candidates[0]")]
    [TestCase("""{"candidates":[{"starts_at":"2026-03-09T14:00:00Z"}],"duration":30,"attendee_name":"A"}""", "candidates[0].human_id")]
    [TestCase("""{"candidates":[{"human_id":"{0}","starts_at":"2026-03-01T14:00:00Z"}],"duration":30,"attendee_name":"A"}""", "candidates[0].starts_at")]
    [TestCase("""{"candidates":[{"human_id":"{0}","starts_at":"2026-03-09T14:00:30Z"}],"duration":30,"attendee_name":"A"}""", "candidates[0].starts_at")]
    [TestCase("""{"candidates":[{"human_id":"{0}","starts_at":"2026-03-09T14:00:00Z"}],"attendee_name":"A"}""", "duration")]
    [TestCase("""{"candidates":[{"human_id":"{0}","starts_at":"2026-03-09T14:00:00Z"}],"duration":30}""", "attendee_name")]
    [TestCase("""{"candidates":[{"human_id":"{0}","starts_at":"2026-03-09T14:00:00Z"}],"duration":30,"attendee_name":"A","metadata":[1]}""", "metadata")]
    [TestCase("""{"candidates":[{21}],"duration":30,"attendee_name":"A"}""", "candidates")]
    public async Task ABadRequest_Is422NamingTheField_AndBooksNothing(string body, string field)
    {
        var organization = await Factory.CreateOrganizationAsync();
        var humanId = await HumanAsync(organization);
        var many = string.Join(',', Enumerable.Range(0, 21).Select(i => $$"""{"human_id":"{{humanId}}","starts_at":"{{WireTime(Ten.AddMinutes(30 * i))}}"}"""));

        var response = await organization.Client.PostAsync("/v1/bookings/first-available", WireJson.Body(
            body.Replace("{0}", humanId, StringComparison.Ordinal).Replace("{21}", many, StringComparison.Ordinal)));

        var error = await WireJson.AssertErrorAsync(response, HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
        Assert.That(error.GetProperty("details")[0].GetProperty("field").GetString(), Is.EqualTo(field), error.ToString());
        Assert.That(await Factory.QueryAsync(db => db.Bookings.CountAsync(b => b.OrganizationId == organization.Id)), Is.Zero);
    }

    private static Task<string> HumanAsync(TestOrganization organization) => HumanSetup.CreateAsync(organization.Client, rules: Rules);

    private static async Task BookAsync(TestOrganization organization, string humanId, DateTimeOffset start)
    {
        var response = await organization.Client.PostAsync("/v1/bookings", WireJson.Body(
            $$"""{"human_id":"{{humanId}}","starts_at":"{{WireTime(start)}}","duration":30,"attendee_name":"Someone"}"""));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
    }

    internal static string Candidates(IEnumerable<(string HumanId, DateTimeOffset Start)> candidates, int duration, string more = "") =>
        $$"""{"candidates":[{{string.Join(',', candidates.Select(c => $$"""{"human_id":"{{c.HumanId}}","starts_at":"{{WireTime(c.Start)}}"}"""))}}],"duration":{{duration}},"attendee_name":"First available"{{more}}}""";
}

using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Slotflow.Api.Tests.Support;

namespace Slotflow.Api.Tests.Golden;

/// <summary>
/// What the public SDKs' classic calls answer must not move when rules are added (spec Part two): humans set up with
/// the four-field PUT, overrides and bookings, and their slots compared with <c>classic-slots.json</c>, which was
/// recorded before the scheduling rules of §10 existed. Run with SLOTFLOW_RECORD_GOLDEN=1 to record it again (only
/// when a change of Part one's answers is intended).
/// </summary>
public sealed class ClassicRulesGoldenTests : ServiceFixture
{
    private const string FileName = "classic-slots.json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private readonly SettableClock _clock = new(new DateTimeOffset(2026, 3, 2, 15, 10, 0, TimeSpan.Zero));

    protected override TimeProvider Clock => _clock;

    [Test]
    public async Task FourFieldRules_ListTheSlotsRecordedBeforeTheRulesExisted()
    {
        var client = (await Factory.CreateOrganizationAsync()).Client;
        var answers = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);

        var newYork = await HumanSetup.CreateAsync(client, "America/New_York", """{"working_days":[1,2,3,4,5],"work_start":"09:00","work_end":"17:00","meeting_durations":[30,60]}""");
        await HumanSetup.AddOverrideAsync(client, newYork, """{"type":"block","start_date":"2026-03-04","start_time":"12:00","end_time":"13:30"}""");
        await HumanSetup.AddOverrideAsync(client, newYork, """{"type":"open","start_date":"2026-03-07","start_time":"10:00","end_time":"12:00","recurrence":{"freq":"weekly","days":[6]}}""");
        await HumanSetup.AddOverrideAsync(client, newYork, """{"type":"block","start_date":"2026-03-10","all_day":true}""");
        await BookAsync(client, newYork, "2026-03-03T15:00:00Z", 60);
        await BookAsync(client, newYork, "2026-03-09T13:30:00Z", 30);
        await RecordAsync(client, answers, "new-york", newYork, "2026-03-02", "2026-03-15", 30);
        await RecordAsync(client, answers, "new-york", newYork, "2026-03-02", "2026-03-15", 60);
        await RecordAsync(client, answers, "new-york", newYork, "2026-10-26", "2026-11-06", 60);

        var london = await HumanSetup.CreateAsync(client, "Europe/London", """{"working_days":[1,2,3,4,5,6],"work_start":"08:30","work_end":"18:45","meeting_durations":[15,45]}""");
        await HumanSetup.AddOverrideAsync(client, london, """{"type":"open","start_date":"2026-03-29","start_time":"00:30","end_time":"03:30"}""");
        await HumanSetup.AddOverrideAsync(client, london, """{"type":"block","start_date":"2026-03-23","end_date":"2026-03-25","start_time":"16:00","end_time":"17:00"}""");
        await BookAsync(client, london, "2026-03-24T09:15:00Z", 45);
        await RecordAsync(client, answers, "london", london, "2026-03-23", "2026-04-01", 45);
        await RecordAsync(client, answers, "london", london, "2026-10-23", "2026-10-27", 15);

        var lordHowe = await HumanSetup.CreateAsync(client, "Australia/Lord_Howe", """{"working_days":[1,2,3,4,5,6,7],"work_start":"00:00","work_end":"24:00","meeting_durations":[90]}""");
        await HumanSetup.AddOverrideAsync(client, lordHowe, """{"type":"block","start_date":"2026-04-06","start_time":"01:00","end_time":"02:30"}""");
        await RecordAsync(client, answers, "lord-howe", lordHowe, "2026-04-03", "2026-04-07", 90);
        await RecordAsync(client, answers, "lord-howe", lordHowe, "2026-10-03", "2026-10-05", 90);

        var kathmandu = await HumanSetup.CreateAsync(client, "Asia/Kathmandu", """{"working_days":[2,3,4],"work_start":"10:15","work_end":"16:00","meeting_durations":[45]}""");
        await HumanSetup.AddOverrideAsync(client, kathmandu, """{"type":"block","start_date":"2026-03-01","start_time":"11:00","end_time":"12:00","recurrence":{"freq":"monthly","week":2,"day":3}}""");
        await HumanSetup.AddOverrideAsync(client, kathmandu, """{"type":"open","start_date":"2026-03-14","all_day":true}""");
        await RecordAsync(client, answers, "kathmandu", kathmandu, "2026-03-02", "2026-04-30", 45);

        var utc = await HumanSetup.CreateAsync(client, "UTC", """{"working_days":[1,3,5],"work_start":"22:00","work_end":"24:00","meeting_durations":[25,120]}""");
        await HumanSetup.AddOverrideAsync(client, utc, """{"type":"open","start_date":"2026-03-03","start_time":"00:00","end_time":"01:40"}""");
        await BookAsync(client, utc, "2026-03-04T22:50:00Z", 25);
        await RecordAsync(client, answers, "utc", utc, "2026-03-02", "2026-03-08", 25);
        await RecordAsync(client, answers, "utc", utc, "2026-03-02", "2026-03-08", 120);

        var recorded = JsonSerializer.Serialize(answers, Indented);
        if (System.Environment.GetEnvironmentVariable("SLOTFLOW_RECORD_GOLDEN") == "1")
        {
            await File.WriteAllTextAsync(Path.Combine(SourceFolder(), FileName), recorded + "\n");
            Assert.Inconclusive($"{FileName} recorded again; review its diff.");
        }

        var expected = JsonSerializer.Deserialize<SortedDictionary<string, List<string>>>(
            await File.ReadAllTextAsync(Path.Combine(TestContext.CurrentContext.TestDirectory, "Golden", FileName)))!;
        Assert.That(answers.Keys, Is.EqualTo(expected.Keys));
        foreach (var (key, slots) in expected)
        {
            Assert.That(answers[key], Is.EqualTo(slots), key);
        }
    }

    private static async Task BookAsync(HttpClient client, string humanId, string startsAt, int duration)
    {
        var response = await client.PostAsync(
            "/v1/bookings",
            WireJson.Body($$"""{"human_id":"{{humanId}}","starts_at":"{{startsAt}}","duration":{{duration}},"attendee_name":"Golden"}"""));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
    }

    private static async Task RecordAsync(
        HttpClient client, SortedDictionary<string, List<string>> answers, string label, string humanId, string from, string to, int duration)
    {
        var response = await client.GetAsync($"/v1/humans/{humanId}/slots?date_from={from}&date_to={to}&duration={duration}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var body = await WireJson.ReadAsync(response);
        answers[$"{label} {duration} min {from}..{to}"] =
            [.. body.GetProperty("slots").EnumerateArray().Select(s => $"{s.GetProperty("starts_at").GetString()} {s.GetProperty("ends_at").GetString()}")];
    }

    private static string SourceFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}

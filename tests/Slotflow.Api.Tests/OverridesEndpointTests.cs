using System.Net;
using System.Text.Json;
using Slotflow.Api.Tests.Support;

namespace Slotflow.Api.Tests;

/// <summary>POST, GET and DELETE /v1/humans/{id}/overrides (spec §4–5).</summary>
public sealed class OverridesEndpointTests : ServiceFixture
{
    private static readonly string[] OverrideFields =
        ["id", "human_id", "type", "title", "all_day", "start_date", "end_date", "start_time", "end_time", "recurrence", "created_at"];

    private static readonly string[] RecurrenceFields = ["freq", "interval", "days", "day_of_month", "week", "day"];

    private TestOrganization _organization = null!;
    private string? _untouchedHumanId;

    [OneTimeSetUp]
    public async Task ArrangeFixture()
    {
        _organization = await Factory.CreateOrganizationAsync();
    }

    [Test]
    public async Task Create_TimedSingleDayBlock_Returns201WithEveryField()
    {
        var humanId = await HumanSetup.CreateAsync(_organization.Client);

        var response = await _organization.Client.PostAsync(
            $"/v1/humans/{humanId}/overrides",
            WireJson.Body("""{"type":"block","title":"Dentist","all_day":false,"start_date":"2026-03-17","start_time":"14:00","end_time":"15:30"}"""));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var created = await WireJson.ReadAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(WireJson.PropertyNames(created), Is.EqualTo(OverrideFields));
            Assert.That(Guid.TryParse(created.GetProperty("id").GetString(), out _), Is.True);
            Assert.That(created.GetProperty("human_id").GetString(), Is.EqualTo(humanId));
            Assert.That(created.GetProperty("type").GetString(), Is.EqualTo("block"));
            Assert.That(created.GetProperty("title").GetString(), Is.EqualTo("Dentist"));
            Assert.That(created.GetProperty("all_day").GetBoolean(), Is.False);
            Assert.That(created.GetProperty("start_date").GetString(), Is.EqualTo("2026-03-17"));
            Assert.That(created.GetProperty("end_date").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(created.GetProperty("start_time").GetString(), Is.EqualTo("14:00"));
            Assert.That(created.GetProperty("end_time").GetString(), Is.EqualTo("15:30"));
            Assert.That(created.GetProperty("recurrence").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(created.GetProperty("created_at").GetString(), Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$"));
        });
    }

    [Test]
    public async Task Create_AllDayRange_StoresTimesAsNull()
    {
        var humanId = await HumanSetup.CreateAsync(_organization.Client);

        var created = await WireJson.ReadAsync(await _organization.Client.PostAsync(
            $"/v1/humans/{humanId}/overrides",
            WireJson.Body("""{"type":"block","title":"Vacation","all_day":true,"start_date":"2026-07-01","end_date":"2026-07-14"}""")));

        Assert.Multiple(() =>
        {
            Assert.That(created.GetProperty("all_day").GetBoolean(), Is.True);
            Assert.That(created.GetProperty("end_date").GetString(), Is.EqualTo("2026-07-14"));
            Assert.That(created.GetProperty("start_time").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(created.GetProperty("end_time").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
    }

    [TestCase("""{"freq":"weekly","days":[2,4]}""", "weekly", 1, "[2,4]", null, null, null)]
    [TestCase("""{"freq":"weekly","interval":2,"days":[1]}""", "weekly", 2, "[1]", null, null, null)]
    [TestCase("""{"freq":"monthly","day_of_month":31}""", "monthly", 1, null, 31, null, null)]
    [TestCase("""{"freq":"monthly","interval":3,"week":5,"day":1}""", "monthly", 3, null, null, 5, 1)]
    public async Task Create_Recurring_ReturnsTheRuleWithUnusedFieldsNull(
        string recurrence, string freq, int interval, string? days, int? dayOfMonth, int? week, int? day)
    {
        var humanId = await HumanSetup.CreateAsync(_organization.Client);

        var response = await _organization.Client.PostAsync(
            $"/v1/humans/{humanId}/overrides",
            WireJson.Body($$"""{"type":"open","title":"Office hours","start_date":"2026-03-02","start_time":"18:00","end_time":"20:00","recurrence":{{recurrence}}}"""));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var rule = (await WireJson.ReadAsync(response)).GetProperty("recurrence");
        Assert.Multiple(() =>
        {
            Assert.That(WireJson.PropertyNames(rule), Is.EqualTo(RecurrenceFields));
            Assert.That(rule.GetProperty("freq").GetString(), Is.EqualTo(freq));
            Assert.That(rule.GetProperty("interval").GetInt32(), Is.EqualTo(interval));
            Assert.That(rule.GetProperty("days").GetRawText(), Is.EqualTo(days ?? "null"));
            Assert.That(NullableInt(rule.GetProperty("day_of_month")), Is.EqualTo(dayOfMonth));
            Assert.That(NullableInt(rule.GetProperty("week")), Is.EqualTo(week));
            Assert.That(NullableInt(rule.GetProperty("day")), Is.EqualTo(day));
        });
    }

    [Test]
    public async Task List_IsOrderedByStartDateThenStartTime_AllDayFirst()
    {
        var humanId = await HumanSetup.CreateAsync(_organization.Client);
        var late = await HumanSetup.AddOverrideAsync(_organization.Client, humanId, """{"type":"block","title":"c","start_date":"2026-05-02","start_time":"15:00","end_time":"16:00"}""");
        var early = await HumanSetup.AddOverrideAsync(_organization.Client, humanId, """{"type":"block","title":"b","start_date":"2026-05-02","start_time":"09:00","end_time":"10:00"}""");
        var allDay = await HumanSetup.AddOverrideAsync(_organization.Client, humanId, """{"type":"block","title":"a","all_day":true,"start_date":"2026-05-02"}""");
        var first = await HumanSetup.AddOverrideAsync(_organization.Client, humanId, """{"type":"open","title":"z","start_date":"2026-05-01","start_time":"20:00","end_time":"21:00"}""");

        var response = await _organization.Client.GetAsync($"/v1/humans/{humanId}/overrides");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var list = await WireJson.ReadAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(WireJson.PropertyNames(list), Is.EqualTo(new[] { "overrides", "total", "limit", "offset" }));
            Assert.That(list.GetProperty("total").GetInt32(), Is.EqualTo(4));
            Assert.That(list.GetProperty("limit").GetInt32(), Is.EqualTo(1000));
            Assert.That(list.GetProperty("offset").GetInt32(), Is.Zero);
            Assert.That(
                list.GetProperty("overrides").EnumerateArray().Select(o => o.GetProperty("id").GetString()),
                Is.EqualTo(new[] { first, allDay, early, late }));
            Assert.That(list.GetProperty("overrides").EnumerateArray().Select(WireJson.PropertyNames), Has.All.EqualTo(OverrideFields));
        });
    }

    [TestCase("limit=2", "AB", 2, 0, TestName = "List_WithLimit2_ReturnsTheFirstTwoAndTheTotalOfAll")]
    [TestCase("limit=2&offset=2", "CD", 2, 2, TestName = "List_WithLimit2Offset2_ReturnsTheNextPage")]
    [TestCase("limit=2&offset=4", "E", 2, 4, TestName = "List_WithOffsetIntoTheLastPage_ReturnsWhatIsLeft")]
    [TestCase("offset=1", "BCDE", 1000, 1, TestName = "List_WithOffsetOnly_UsesTheDefaultLimitOf1000")]
    [TestCase("offset=10", "", 1000, 10, TestName = "List_WithOffsetPastTheEnd_ReturnsNoneButTheTotal")]
    [TestCase("limit=1000", "ABCDE", 1000, 0, TestName = "List_WithLimit1000_IsAllowed")]
    public async Task List_Paged_ReturnsThePageInOrderAndEchoesLimitAndOffset(string query, string expected, int limit, int offset)
    {
        var humanId = await HumanSetup.CreateAsync(_organization.Client);
        var ids = new Dictionary<string, char>();
        foreach (var (title, date, start) in new[] { ("D", "2026-05-03", "09:00"), ("A", "2026-05-01", "09:00"), ("C", "2026-05-02", "10:00"), ("E", "2026-05-04", "09:00"), ("B", "2026-05-02", "09:00") })
        {
            var id = await HumanSetup.AddOverrideAsync(
                _organization.Client, humanId, $$"""{"type":"block","title":"{{title}}","start_date":"{{date}}","start_time":"{{start}}","end_time":"11:00"}""");
            ids[id] = title[0];
        }

        var list = await WireJson.ReadAsync(await _organization.Client.GetAsync($"/v1/humans/{humanId}/overrides?{query}"));

        Assert.Multiple(() =>
        {
            Assert.That(WireJson.PropertyNames(list), Is.EqualTo(new[] { "overrides", "total", "limit", "offset" }));
            Assert.That(string.Concat(list.GetProperty("overrides").EnumerateArray().Select(o => ids[o.GetProperty("id").GetString()!])), Is.EqualTo(expected));
            Assert.That(list.GetProperty("total").GetInt32(), Is.EqualTo(5));
            Assert.That(list.GetProperty("limit").GetInt32(), Is.EqualTo(limit));
            Assert.That(list.GetProperty("offset").GetInt32(), Is.EqualTo(offset));
        });
    }

    [Test]
    public async Task List_PagesOfOverridesWithTheSameStart_NeitherOverlapNorSkip()
    {
        var humanId = await HumanSetup.CreateAsync(_organization.Client);
        var created = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            created.Add(await HumanSetup.AddOverrideAsync(_organization.Client, humanId, """{"type":"block","all_day":true,"start_date":"2026-06-01"}"""));
        }

        var paged = new List<string>();
        for (var offset = 0; offset < 7; offset += 3)
        {
            var page = await WireJson.ReadAsync(await _organization.Client.GetAsync($"/v1/humans/{humanId}/overrides?limit=3&offset={offset}"));
            paged.AddRange(page.GetProperty("overrides").EnumerateArray().Select(o => o.GetProperty("id").GetString()!));
        }

        var whole = await WireJson.ReadAsync(await _organization.Client.GetAsync($"/v1/humans/{humanId}/overrides"));
        Assert.Multiple(() =>
        {
            Assert.That(paged, Is.EquivalentTo(created));
            Assert.That(paged, Is.EqualTo(whole.GetProperty("overrides").EnumerateArray().Select(o => o.GetProperty("id").GetString()!)));
        });
    }

    [TestCase("limit=0", "limit")]
    [TestCase("limit=1001", "limit")]
    [TestCase("limit=-1", "limit")]
    [TestCase("limit=abc", "limit")]
    [TestCase("limit=1.5", "limit")]
    [TestCase("limit=99999999999", "limit")]
    [TestCase("offset=-1", "offset")]
    [TestCase("offset=abc", "offset")]
    [TestCase("offset=1.5", "offset")]
    public async Task List_WithBadPaging_Returns422NamingTheParameter(string query, string parameter)
    {
        var humanId = _untouchedHumanId ??= await HumanSetup.CreateAsync(_organization.Client);

        var error = await WireJson.AssertErrorAsync(
            await _organization.Client.GetAsync($"/v1/humans/{humanId}/overrides?{query}"), HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");

        Assert.That(error.GetProperty("message").GetString(), Does.StartWith(parameter));
    }

    [Test]
    public async Task Delete_RemovesTheOverride_AndASecondDeleteIs404()
    {
        var humanId = await HumanSetup.CreateAsync(_organization.Client);
        var keep = await HumanSetup.AddOverrideAsync(_organization.Client, humanId, """{"type":"block","all_day":true,"start_date":"2026-05-01"}""");
        var remove = await HumanSetup.AddOverrideAsync(_organization.Client, humanId, """{"type":"block","all_day":true,"start_date":"2026-05-02"}""");

        var response = await _organization.Client.DeleteAsync($"/v1/humans/{humanId}/overrides/{remove}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var body = await WireJson.ReadAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(WireJson.PropertyNames(body), Is.EqualTo(new[] { "deleted", "id" }));
            Assert.That(body.GetProperty("deleted").GetBoolean(), Is.True);
            Assert.That(body.GetProperty("id").GetString(), Is.EqualTo(remove));
        });
        var list = await WireJson.ReadAsync(await _organization.Client.GetAsync($"/v1/humans/{humanId}/overrides"));
        Assert.That(list.GetProperty("overrides").EnumerateArray().Select(o => o.GetProperty("id").GetString()), Is.EqualTo(new[] { keep }));
        await WireJson.AssertErrorAsync(await _organization.Client.DeleteAsync($"/v1/humans/{humanId}/overrides/{remove}"), HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Test]
    public async Task Overrides_OfUnknownDeletedOrForeignHumans_Are404()
    {
        var other = await Factory.CreateOrganizationAsync();
        var foreign = await HumanSetup.CreateAsync(other.Client);
        var foreignOverride = await HumanSetup.AddOverrideAsync(other.Client, foreign, """{"type":"block","all_day":true,"start_date":"2026-05-01"}""");
        var deleted = await HumanSetup.CreateAsync(_organization.Client);
        await _organization.Client.DeleteAsync($"/v1/humans/{deleted}");
        var mine = await HumanSetup.CreateAsync(_organization.Client);
        const string body = """{"type":"block","all_day":true,"start_date":"2026-05-01"}""";

        foreach (var humanId in new[] { foreign, deleted, Guid.NewGuid().ToString() })
        {
            await WireJson.AssertErrorAsync(await _organization.Client.GetAsync($"/v1/humans/{humanId}/overrides"), HttpStatusCode.NotFound, "NOT_FOUND");
            await WireJson.AssertErrorAsync(await _organization.Client.PostAsync($"/v1/humans/{humanId}/overrides", WireJson.Body(body)), HttpStatusCode.NotFound, "NOT_FOUND");
        }

        await WireJson.AssertErrorAsync(await _organization.Client.DeleteAsync($"/v1/humans/{foreign}/overrides/{foreignOverride}"), HttpStatusCode.NotFound, "NOT_FOUND");
        await WireJson.AssertErrorAsync(await _organization.Client.DeleteAsync($"/v1/humans/{mine}/overrides/{foreignOverride}"), HttpStatusCode.NotFound, "NOT_FOUND");
        await WireJson.AssertErrorAsync(await _organization.Client.DeleteAsync($"/v1/humans/{mine}/overrides/not-a-uuid"), HttpStatusCode.NotFound, "NOT_FOUND");
        await WireJson.AssertErrorAsync(await _organization.Client.GetAsync("/v1/humans/not-a-uuid/overrides"), HttpStatusCode.NotFound, "NOT_FOUND");

        var stillThere = await WireJson.ReadAsync(await other.Client.GetAsync($"/v1/humans/{foreign}/overrides"));
        Assert.That(stillThere.GetProperty("total").GetInt32(), Is.EqualTo(1));
    }

    private static IEnumerable<TestCaseData> BadOverrides()
    {
        const string Timed = "\"start_date\":\"2026-05-01\",\"start_time\":\"09:00\",\"end_time\":\"10:00\"";
        yield return Case("empty body", "", "body");
        yield return Case("malformed JSON", "{\"type\":", "body");
        yield return Case("type missing", $$"""{{{Timed}}}""", "type");
        yield return Case("unknown type", $$"""{"type":"vacation",{{Timed}}}""", "type");
        yield return Case("type is a number", $$"""{"type":1,{{Timed}}}""", "type");
        yield return Case("title of 201 characters", $$"""{"type":"block","title":"{{new string('t', 201)}}",{{Timed}}}""", "title");
        yield return Case("start_date missing", """{"type":"block","all_day":true}""", "start_date");
        yield return Case("start_date not zero-padded", """{"type":"block","all_day":true,"start_date":"2026-5-1"}""", "start_date");
        yield return Case("start_date impossible", """{"type":"block","all_day":true,"start_date":"2026-02-30"}""", "start_date");
        yield return Case("end_date before start_date", """{"type":"block","all_day":true,"start_date":"2026-05-02","end_date":"2026-05-01"}""", "end_date");
        yield return Case("end_date malformed", """{"type":"block","all_day":true,"start_date":"2026-05-02","end_date":"tomorrow"}""", "end_date");
        yield return Case("all day with a start time", """{"type":"block","all_day":true,"start_date":"2026-05-01","start_time":"09:00"}""", "start_time");
        yield return Case("all day with an end time", """{"type":"block","all_day":true,"start_date":"2026-05-01","end_time":"10:00"}""", "end_time");
        yield return Case("timed without times", """{"type":"block","all_day":false,"start_date":"2026-05-01"}""", "start_time");
        yield return Case("timed without end", """{"type":"block","start_date":"2026-05-01","start_time":"09:00"}""", "end_time");
        yield return Case("start after end", """{"type":"block","start_date":"2026-05-01","start_time":"11:00","end_time":"10:00"}""", "start_time");
        yield return Case("start equals end", """{"type":"block","start_date":"2026-05-01","start_time":"10:00","end_time":"10:00"}""", "start_time");
        yield return Case("24:00 as a start", """{"type":"block","start_date":"2026-05-01","start_time":"24:00","end_time":"24:00"}""", "start_time");
        yield return Case("hour 25", """{"type":"block","start_date":"2026-05-01","start_time":"09:00","end_time":"25:00"}""", "end_time");
        yield return Case("all_day not a boolean", """{"type":"block","all_day":"yes","start_date":"2026-05-01"}""", "all_day");
        yield return Case("recurrence not an object", WithRecurrence("""5"""), "recurrence");
        yield return Case("unknown freq", WithRecurrence("""{"freq":"daily"}"""), "recurrence.freq");
        yield return Case("freq missing", WithRecurrence("""{"days":[1]}"""), "recurrence.freq");
        yield return Case("interval 0", WithRecurrence("""{"freq":"weekly","interval":0,"days":[1]}"""), "recurrence.interval");
        yield return Case("interval 53", WithRecurrence("""{"freq":"weekly","interval":53,"days":[1]}"""), "recurrence.interval");
        yield return Case("weekly without days", WithRecurrence("""{"freq":"weekly"}"""), "recurrence.days");
        yield return Case("weekly with day 0", WithRecurrence("""{"freq":"weekly","days":[0]}"""), "recurrence.days");
        yield return Case("weekly with day 8", WithRecurrence("""{"freq":"weekly","days":[8]}"""), "recurrence.days");
        yield return Case("weekly with a repeated day", WithRecurrence("""{"freq":"weekly","days":[1,1]}"""), "recurrence.days");
        yield return Case("weekly with day_of_month", WithRecurrence("""{"freq":"weekly","days":[1],"day_of_month":3}"""), "recurrence.day_of_month");
        yield return Case("monthly with nothing", WithRecurrence("""{"freq":"monthly"}"""), "recurrence.day_of_month");
        yield return Case("monthly with both forms", WithRecurrence("""{"freq":"monthly","day_of_month":3,"week":1,"day":5}"""), "recurrence.day_of_month");
        yield return Case("monthly day_of_month 32", WithRecurrence("""{"freq":"monthly","day_of_month":32}"""), "recurrence.day_of_month");
        yield return Case("monthly day_of_month 0", WithRecurrence("""{"freq":"monthly","day_of_month":0}"""), "recurrence.day_of_month");
        yield return Case("monthly week 6", WithRecurrence("""{"freq":"monthly","week":6,"day":1}"""), "recurrence.week");
        yield return Case("monthly week without day", WithRecurrence("""{"freq":"monthly","week":1}"""), "recurrence.day");
        yield return Case("monthly day 8", WithRecurrence("""{"freq":"monthly","week":1,"day":8}"""), "recurrence.day");
        yield return Case("monthly with days", WithRecurrence("""{"freq":"monthly","day_of_month":1,"days":[1]}"""), "recurrence.days");

        static TestCaseData Case(string name, string body, string field) => new TestCaseData(body, field).SetArgDisplayNames(name);
        static string WithRecurrence(string recurrence) => $"{{\"type\":\"block\",{Timed},\"recurrence\":{recurrence}}}";
    }

    [TestCaseSource(nameof(BadOverrides))]
    public async Task Create_WithBadInput_Returns422NamingTheField_AndCreatesNothing(string body, string field)
    {
        var humanId = _untouchedHumanId ??= await HumanSetup.CreateAsync(_organization.Client);

        var response = await _organization.Client.PostAsync($"/v1/humans/{humanId}/overrides", WireJson.Body(body));

        var error = await WireJson.AssertErrorAsync(response, HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
        var fields = error.GetProperty("details").EnumerateArray().Select(d => d.GetProperty("field").GetString()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(error.GetProperty("message").GetString(), Does.Contain(field));
            Assert.That(fields, Has.Member(field));
        });
        var list = await WireJson.ReadAsync(await _organization.Client.GetAsync($"/v1/humans/{humanId}/overrides"));
        Assert.That(list.GetProperty("total").GetInt32(), Is.Zero);
    }

    private static int? NullableInt(JsonElement element) => element.ValueKind == JsonValueKind.Null ? null : element.GetInt32();
}

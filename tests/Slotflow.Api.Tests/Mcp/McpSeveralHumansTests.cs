using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Slotflow.Api.Tests.Support;
using static Slotflow.Api.Tests.Mcp.McpConnection;

namespace Slotflow.Api.Tests.Mcp;

/// <summary>
/// Several humans at once over MCP (spec §12, §13): find_slots and book with human_ids, and book_first_available,
/// answering what REST answers for the same data, with refusals as tool errors carrying REST's error body.
/// </summary>
public sealed class McpSeveralHumansTests : ServiceFixture
{
    private const string Monday = "2026-03-16"; // 09:00 in New York is 13:00Z; London is still on GMT
    private const string MondayNine = "2026-03-16T13:00:00Z";

    private readonly SettableClock _clock = new(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
    private TestOrganization _organization = null!;
    private McpConnection _mcp = null!;

    protected override TimeProvider Clock => _clock;

    [SetUp]
    public async Task ConnectAsANewOrganization()
    {
        _organization = await Factory.CreateOrganizationAsync();
        _mcp = await McpConnection.OpenAsync(Factory, _organization.ApiKey);
    }

    [TearDown]
    public async Task Disconnect() => await _mcp.DisposeAsync();

    [Test]
    public async Task FindSlots_WithHumanIds_AnswersRestsPooledSlots_AndTheTextGivesEachFreeHumansLocalTime()
    {
        var ada = await HumanSetup.CreateAsync(_organization.Client);
        var bob = await HumanSetup.CreateAsync(_organization.Client, "Europe/London");

        var slots = await _mcp.CallAsync("find_slots", new { human_ids = new[] { ada, bob }, date_from = Monday, date_to = Monday, duration = 30 });

        Assert.That(slots.IsError, Is.Not.True, Text(slots));
        AssertSameJson(
            slots.StructuredContent!.Value, await RestAsync($"/v1/slots?human_ids={ada},{bob}&date_from={Monday}&date_to={Monday}&duration=30"),
            "find_slots with human_ids is GET /v1/slots?human_ids");
        var both = slots.StructuredContent.Value.GetProperty("slots").EnumerateArray().Single(s => s.GetProperty("starts_at").GetString() == "2026-03-16T13:00:00.000Z");
        Assert.Multiple(() =>
        {
            Assert.That(both.GetProperty("human_ids").EnumerateArray().Select(h => h.GetString()), Is.EqualTo(new[] { ada, bob }));
            Assert.That(Text(slots), Does.Contain(
                "- starts_at 2026-03-16T13:00:00.000Z: Someone Mon 16 Mar 2026 09:00 America/New_York (13:00Z); Someone Mon 16 Mar 2026 13:00 Europe/London (13:00Z)"));
            Assert.That(Text(slots), Does.Contain($"human_id {ada}").And.Contain($"human_id {bob}"));
        });
    }

    [Test]
    public async Task Book_WithHumanIds_BooksAFreeHuman_ThenTheOther_ThenIsSlotUnavailableWithThePoolsAlternatives()
    {
        var ada = await HumanSetup.CreateAsync(_organization.Client);
        var bob = await HumanSetup.CreateAsync(_organization.Client);
        var arguments = new { human_ids = new[] { ada, bob }, starts_at = MondayNine, duration = 30, attendee_name = "Grace" };

        var first = await _mcp.CallAsync("book", arguments);
        var second = await _mcp.CallAsync("book", arguments);
        var third = await _mcp.RefuseAsync("book", arguments, "SLOT_UNAVAILABLE");

        Assert.That(first.IsError, Is.Not.True, Text(first));
        Assert.That(second.IsError, Is.Not.True, Text(second));
        var firstId = first.StructuredContent!.Value.GetProperty("id").GetString();
        AssertSameJson(first.StructuredContent.Value, await RestAsync($"/v1/bookings/{firstId}"), "book with human_ids answers the booking as REST shows it");
        var rest = await WireJson.AssertErrorAsync(
            await _organization.Client.PostAsync("/v1/bookings", WireJson.Body(arguments)), HttpStatusCode.Conflict, "SLOT_UNAVAILABLE");
        AssertSameJson(third, rest, "the tool's error is the REST error, the pool's alternatives included");
        Assert.Multiple(async () =>
        {
            Assert.That(
                new[] { first, second }.Select(b => b.StructuredContent!.Value.GetProperty("human_id").GetString()), Is.EqualTo(new[] { ada, bob }),
                "ties go in the order given, then the human with fewer bookings that week");
            Assert.That(Text(first), Does.Contain($"Mon 16 Mar 2026 09:00–09:30 America/New_York (13:00Z–13:30Z), with Someone (human_id {ada})"));
            Assert.That(Text(second), Does.Contain($"with Someone (human_id {bob})"));
            Assert.That(third.GetProperty("alternatives").EnumerateArray().Select(a => a.GetProperty("human_ids").GetArrayLength()), Is.Not.Empty.And.All.EqualTo(2));
            Assert.That(
                Text(await _mcp.CallAsync("book", arguments)),
                Does.Contain($"Nearest free slots (UTC): 2026-03-16T13:30:00.000Z (human_ids {ada}, {bob})"));
            Assert.That(await BookingsAsync(), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Book_WithHumanIdsAndAnIdempotencyKey_BooksOnce_AndOtherHumansUnderTheKeyAreRefused()
    {
        var ada = await HumanSetup.CreateAsync(_organization.Client);
        var bob = await HumanSetup.CreateAsync(_organization.Client);
        var arguments = new { human_ids = new[] { ada, bob }, starts_at = MondayNine, duration = 30, attendee_name = "Grace", idempotency_key = "pool-run-1" };

        var booked = await _mcp.SucceedAsync("book", arguments);
        var again = await _mcp.CallAsync("book", arguments);

        Assert.That(again.IsError, Is.Not.True, Text(again));
        AssertSameJson(again.StructuredContent!.Value, booked, "a repeat answers the first booking");
        Assert.That(Text(again), Does.StartWith("Already booked with this idempotency_key"));
        await _mcp.RefuseAsync("book", arguments with { human_ids = new[] { bob, ada } }, "IDEMPOTENCY_KEY_REUSED");
        Assert.That(await BookingsAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task BookFirstAvailable_BooksTheFirstBookableCandidate_AndSaysWhich()
    {
        var ada = await HumanSetup.CreateAsync(_organization.Client);
        var bob = await HumanSetup.CreateAsync(_organization.Client, "Europe/London");
        await _mcp.SucceedAsync("book", new { human_id = ada, starts_at = MondayNine, duration = 30, attendee_name = "Grace" });
        var arguments = new
        {
            candidates = new[] { new { human_id = ada, starts_at = MondayNine }, new { human_id = bob, starts_at = MondayNine } },
            duration = 30, attendee_name = "Ada", idempotency_key = "first-free-1",
        };

        var booked = await _mcp.CallAsync("book_first_available", arguments);
        var again = await _mcp.CallAsync("book_first_available", arguments);

        Assert.That(booked.IsError, Is.Not.True, Text(booked));
        var booking = booked.StructuredContent!.Value;
        Assert.Multiple(async () =>
        {
            Assert.That(booking.GetProperty("candidate_index").GetInt32(), Is.EqualTo(1));
            Assert.That(booking.GetProperty("human_id").GetString(), Is.EqualTo(bob));
            var withoutIndex = JsonNode.Parse(booking.GetRawText())!.AsObject();
            withoutIndex.Remove("candidate_index");
            AssertSameJson(JsonSerializer.SerializeToElement(withoutIndex), await RestAsync($"/v1/bookings/{booking.GetProperty("id").GetString()}"), "the booking as REST shows it");
            Assert.That(Text(booked), Does.Contain($"candidate 1 with Someone (human_id {bob})").And.Contain("Mon 16 Mar 2026 13:00–13:30 Europe/London (13:00Z–13:30Z)"));
            AssertSameJson(again.StructuredContent!.Value, booking, "a repeat with the idempotency_key answers the first booking");
            Assert.That(await BookingsAsync(), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task BookFirstAvailable_WithNoBookableCandidate_IsSlotUnavailable_WithEachCandidatesCode()
    {
        var ada = await HumanSetup.CreateAsync(_organization.Client);
        var bob = await HumanSetup.CreateAsync(_organization.Client);
        await _mcp.SucceedAsync("book", new { human_ids = new[] { ada, bob }, starts_at = MondayNine, duration = 30, attendee_name = "Grace" });
        await _mcp.SucceedAsync("book", new { human_ids = new[] { ada, bob }, starts_at = MondayNine, duration = 30, attendee_name = "Grace" });
        var arguments = new
        {
            candidates = new[]
            {
                new { human_id = ada, starts_at = MondayNine }, new { human_id = bob, starts_at = MondayNine }, new { human_id = ada, starts_at = "2026-03-16T03:00:00Z" },
            },
            duration = 30, attendee_name = "Ada",
        };

        var refused = await _mcp.RefuseAsync("book_first_available", arguments, "SLOT_UNAVAILABLE");

        var rest = await WireJson.AssertErrorAsync(
            await _organization.Client.PostAsync("/v1/bookings/first-available", WireJson.Body(arguments)), HttpStatusCode.Conflict, "SLOT_UNAVAILABLE");
        AssertSameJson(refused, rest, "the tool's error is the REST error, candidates and alternatives included");
        var text = Text(await _mcp.CallAsync("book_first_available", arguments));
        Assert.Multiple(async () =>
        {
            Assert.That(
                refused.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("code").GetString()),
                Is.EqualTo(new[] { "SLOT_UNAVAILABLE", "SLOT_UNAVAILABLE", "OUTSIDE_WORKING_HOURS" }));
            Assert.That(text, Does.Contain($"Candidates: 0 human_id {ada} starts_at 2026-03-16T13:00:00.000Z: SLOT_UNAVAILABLE; 1 human_id {bob}"));
            Assert.That(text, Does.Contain($"2 human_id {ada} starts_at 2026-03-16T03:00:00.000Z: OUTSIDE_WORKING_HOURS."));
            Assert.That(text, Does.Contain($"Nearest free slots (UTC): 2026-03-16T13:30:00.000Z (human_ids {ada}, {bob})"));
            Assert.That(await BookingsAsync(), Is.EqualTo(2));
        });
    }

    private static IEnumerable<TestCaseData> BadArguments()
    {
        var one = Guid.NewGuid().ToString();
        var two = Guid.NewGuid().ToString();
        yield return Case("book", "BothHumanIdAndHumanIds", new { human_id = one, human_ids = new[] { two }, starts_at = MondayNine, duration = 30, attendee_name = "A" }, "human_ids");
        yield return Case("book", "HumanIdsHoldsANonUuid", new { human_ids = new[] { one, "not-a-uuid" }, starts_at = MondayNine, duration = 30, attendee_name = "A" }, "human_ids");
        yield return Case("book", "HumanIdsIsEmpty", new { human_ids = Array.Empty<string>(), starts_at = MondayNine, duration = 30, attendee_name = "A" }, "human_ids");
        yield return Case("book", "NoHuman", new { starts_at = MondayNine, duration = 30, attendee_name = "A" }, "human_id");
        yield return Case("find_slots", "BothHumanIdAndHumanIds", new { human_id = one, human_ids = new[] { two }, date_from = Monday, date_to = Monday, duration = 30 }, "human_ids");
        yield return Case("find_slots", "HumanIdsHoldsANonUuid", new { human_ids = new[] { "not-a-uuid", one }, date_from = Monday, date_to = Monday, duration = 30 }, "human_ids");
        yield return Case("find_slots", "HumanIdsNamesAHumanTwice", new { human_ids = new[] { one, one }, date_from = Monday, date_to = Monday, duration = 30 }, "human_ids");
        yield return Case("find_slots", "NoHuman", new { date_from = Monday, date_to = Monday, duration = 30 }, "human_id");
        yield return Case("book_first_available", "CandidateHumanIsNotAUuid", new { candidates = new[] { new { human_id = "nope", starts_at = MondayNine } }, duration = 30, attendee_name = "A" }, "candidates[0].human_id");
        yield return Case("book_first_available", "CandidateStartIsNotAnInstant", new { candidates = new[] { new { human_id = one, starts_at = "monday" } }, duration = 30, attendee_name = "A" }, "candidates[0].starts_at");
        yield return Case("book_first_available", "CandidateHasNoStart", new { candidates = new[] { new { human_id = one } }, duration = 30, attendee_name = "A" }, "candidates[0].starts_at");
        yield return Case("book_first_available", "NoCandidates", new { candidates = Array.Empty<object>(), duration = 30, attendee_name = "A" }, "candidates");
        yield return Case("book_first_available", "CandidatesAreNotObjects", new { candidates = new[] { one }, duration = 30, attendee_name = "A" }, "candidates");

        static TestCaseData Case(string tool, string name, object arguments, string field) => new TestCaseData(tool, arguments, field).SetArgDisplayNames($"{tool}_{name}");
    }

    [TestCaseSource(nameof(BadArguments))]
    public async Task ABadHumanOrCandidateArgument_IsAValidationToolError_NamingIt_AndBooksNothing(string tool, object arguments, string field)
    {
        var error = await _mcp.RefuseAsync(tool, arguments, "VALIDATION_ERROR");

        Assert.Multiple(async () =>
        {
            Assert.That(error.GetProperty("details").EnumerateArray().Select(d => d.GetProperty("field").GetString()), Has.Member(field));
            Assert.That(error.GetProperty("message").GetString(), Does.Contain(field.Split('.')[^1]));
            Assert.That(await BookingsAsync(), Is.Zero);
        });
    }

    private async Task<JsonElement> RestAsync(string path)
    {
        var response = await _organization.Client.GetAsync(path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await WireJson.ReadAsync(response);
    }

    private Task<int> BookingsAsync() => Factory.QueryAsync(db => db.Bookings.CountAsync(b => b.OrganizationId == _organization.Id));
}

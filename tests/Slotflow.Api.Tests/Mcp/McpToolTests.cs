using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Client;
using Slotflow.Api.Tests.Support;
using static Slotflow.Api.Tests.Mcp.McpConnection;

namespace Slotflow.Api.Tests.Mcp;

/// <summary>
/// /mcp over real HTTP with the official MCP client: the tools, their annotations, their answers equal to REST's for
/// the same data, refusals as tool errors with REST's code and message, keys, tenancy, races and idempotency.
/// </summary>
public sealed class McpToolTests : ServiceFixture
{
    private const string Monday = "2026-03-16"; // 09:00 in New York is 13:00Z (daylight saving time began on 8 March)
    private const string MondayNine = "2026-03-16T13:00:00Z";

    private readonly SettableClock _clock = new(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly BrokenBookingReads _fault = new();
    private TestOrganization _organization = null!;
    private McpConnection _mcp = null!;

    protected override TimeProvider Clock => _clock;

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IInterceptor>(_fault);

    [SetUp]
    public async Task ConnectAsANewOrganization()
    {
        _organization = await Factory.CreateOrganizationAsync();
        _mcp = await McpConnection.OpenAsync(Factory, _organization.ApiKey);
    }

    [TearDown]
    public async Task Disconnect() => await _mcp.DisposeAsync();

    [Test]
    public async Task ToolsList_HasEveryTool_AnnotatedAsItIs_WithItsRequiredArguments()
    {
        var expected = new Dictionary<string, (bool ReadOnly, bool Destructive, bool Idempotent, string[] Required)>
        {
            ["list_humans"] = (true, false, true, []),
            ["get_human"] = (true, false, true, ["human_id"]),
            ["create_human"] = (false, false, false, ["name", "timezone"]),
            ["set_availability"] = (false, true, true, ["human_id", "meeting_durations"]),
            ["find_slots"] = (true, false, true, ["date_from", "date_to", "duration"]),
            ["check_slot"] = (true, false, true, ["human_id", "starts_at", "duration"]),
            ["book"] = (false, false, false, ["starts_at", "duration", "attendee_name"]),
            ["book_first_available"] = (false, false, false, ["candidates", "duration", "attendee_name"]),
            ["get_booking"] = (true, false, true, ["booking_id"]),
            ["list_bookings"] = (true, false, true, []),
            ["cancel_booking"] = (false, true, true, ["booking_id"]),
            ["reschedule"] = (false, false, true, ["booking_id", "starts_at"]),
            ["hold"] = (false, false, false, ["human_id", "starts_at", "duration"]),
            ["confirm_hold"] = (false, false, true, ["hold_id", "attendee_name"]),
            ["release_hold"] = (false, true, true, ["hold_id"]),
            ["add_override"] = (false, false, false, ["human_id", "type", "start_date"]),
            ["list_overrides"] = (true, false, true, ["human_id"]),
            ["remove_override"] = (false, true, true, ["human_id", "override_id"]),
        };

        var tools = await _mcp.Client.ListToolsAsync();

        Assert.That(tools.Select(t => t.Name), Is.EquivalentTo(expected.Keys));
        Assert.Multiple(() =>
        {
            foreach (var tool in tools.Select(t => t.ProtocolTool))
            {
                var (readOnly, destructive, idempotent, required) = expected[tool.Name];
                Assert.That(
                    (tool.Annotations?.ReadOnlyHint, tool.Annotations?.DestructiveHint, tool.Annotations?.IdempotentHint, tool.Annotations?.OpenWorldHint),
                    Is.EqualTo(((bool?)readOnly, (bool?)destructive, (bool?)idempotent, (bool?)false)), tool.Name);
                Assert.That(tool.Description, Has.Length.GreaterThan(60), $"{tool.Name} explains itself to a model");
                var requiredArguments = tool.InputSchema.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(a => a.GetString()).ToArray() : [];
                Assert.That(requiredArguments, Is.EquivalentTo(required), tool.Name);
            }
        });
    }

    [TestCase(null)]
    [TestCase("sk_live_0123456789abcdefghijklmnopqrstuv")]
    public async Task WithoutAValidKey_McpIs401_BeforeAnyMcpTraffic(string? key)
    {
        using var client = Factory.ClientWith(key);

        var response = await client.SendAsync(JsonRpc("""{"jsonrpc":"2.0","id":1,"method":"tools/list"}"""));

        await WireJson.AssertErrorAsync(response, HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        Assert.That(async () => await McpConnection.OpenAsync(Factory, key ?? "sk_live_abcdefghijklmnopqrstuvwxyz012345"), Throws.Exception);
    }

    /// <summary>The README's worked conversation: find slots, book, lose a race (409 as a tool error), book the alternative it offers.</summary>
    [Test]
    public async Task FindSlotsThenBook_AnswersAsRest_AndALostSlotIsAToolErrorWithRestsCodeAndMessage()
    {
        var humanId = await HumanSetup.CreateAsync(_organization.Client);

        var slots = await _mcp.CallAsync("find_slots", new { human_id = humanId, date_from = Monday, date_to = Monday, duration = 30 });
        var restSlots = await RestAsync($"/v1/humans/{humanId}/slots?date_from={Monday}&date_to={Monday}&duration=30");
        AssertSameJson(slots.StructuredContent!.Value, restSlots, "find_slots is GET slots");
        Assert.That(Text(slots), Does.Contain("Mon 16 Mar 2026 09:00 America/New_York (13:00Z)"));

        var booking = await _mcp.CallAsync("book", new { human_id = humanId, starts_at = MondayNine, duration = 30, attendee_name = "Grace Hopper", metadata = new { crm = "D-42" } });
        Assert.That(booking.IsError, Is.Not.True, Text(booking));
        var bookingId = booking.StructuredContent!.Value.GetProperty("id").GetString();
        AssertSameJson(booking.StructuredContent.Value, await RestAsync($"/v1/bookings/{bookingId}"), "book answers the booking as REST shows it");
        Assert.That(Text(booking), Does.Contain("Mon 16 Mar 2026 09:00–09:30 America/New_York (13:00Z–13:30Z)"));

        var lost = await _mcp.RefuseAsync("book", new { human_id = humanId, starts_at = MondayNine, duration = 30, attendee_name = "Ada" }, "SLOT_UNAVAILABLE");
        var restLost = await WireJson.AssertErrorAsync(
            await _organization.Client.PostAsync("/v1/bookings", WireJson.Body(new { human_id = humanId, starts_at = MondayNine, duration = 30, attendee_name = "Ada" })),
            HttpStatusCode.Conflict, "SLOT_UNAVAILABLE");
        AssertSameJson(lost, restLost, "the tool's error is the REST error, alternatives and conflict included");

        var next = lost.GetProperty("alternatives")[0].GetProperty("starts_at").GetString();
        Assert.That(next, Is.EqualTo("2026-03-16T13:30:00.000Z"));
        var text = McpConnection.Text(await _mcp.CallAsync("book", new { human_id = humanId, starts_at = MondayNine, duration = 30, attendee_name = "Ada" }));
        Assert.That(text, Does.Contain("Nearest free slots (UTC): 2026-03-16T13:30:00.000Z"));
        await _mcp.SucceedAsync("book", new { human_id = humanId, starts_at = next, duration = 30, attendee_name = "Ada" });
        Assert.That(await BookingsAsync(), Is.EqualTo(2));
    }

    [Test]
    public async Task CheckSlot_GivesTheBookingsDecision_AsRestsCheckDoes_AndWritesNothing()
    {
        var humanId = await HumanSetup.CreateAsync(_organization.Client);
        async Task AssertCheckAsync(string startsAt, int duration, string? refusal)
        {
            var check = await _mcp.SucceedAsync("check_slot", new { human_id = humanId, starts_at = startsAt, duration });
            var rest = await WireJson.ReadAsync(await _organization.Client.PostAsync(
                "/v1/bookings/check", WireJson.Body(new { human_id = humanId, starts_at = startsAt, duration, attendee_name = "Ada" })));
            AssertSameJson(check, rest, $"check_slot is POST /v1/bookings/check at {startsAt}");
            Assert.That(check.GetProperty("bookable").GetBoolean(), Is.EqualTo(refusal is null));
            if (refusal is not null)
            {
                Assert.That(check.GetProperty("error").GetProperty("code").GetString(), Is.EqualTo(refusal));
            }
        }

        await AssertCheckAsync(MondayNine, 30, null);
        await AssertCheckAsync("2026-03-16T03:00:00Z", 30, "OUTSIDE_WORKING_HOURS");
        await AssertCheckAsync(MondayNine, 45, "INVALID_DURATION");
        Assert.That(await BookingsAsync(), Is.Zero, "a check books nothing");

        await _mcp.SucceedAsync("book", new { human_id = humanId, starts_at = MondayNine, duration = 30, attendee_name = "Grace" });
        await AssertCheckAsync(MondayNine, 30, "SLOT_UNAVAILABLE");
        await HumanSetup.AddOverrideAsync(_organization.Client, humanId, """{"type":"block","start_date":"2026-03-16","start_time":"10:00","end_time":"12:00"}""");
        await AssertCheckAsync("2026-03-16T14:00:00Z", 30, "SCHEDULE_BLOCKED");
        await _mcp.RefuseAsync("check_slot", new { human_id = Guid.NewGuid().ToString(), starts_at = MondayNine, duration = 30 }, "NOT_FOUND");
    }

    [Test]
    public async Task ReadTools_AnswerWhatRestAnswers_AndCancelFreesTheTime()
    {
        var humanId = await HumanSetup.CreateAsync(_organization.Client);
        var booked = await _mcp.SucceedAsync("book", new { human_id = humanId, starts_at = MondayNine, duration = 30, attendee_name = "Grace" });
        var bookingId = booked.GetProperty("id").GetString()!;

        AssertSameJson(await _mcp.SucceedAsync("list_humans"), await RestAsync("/v1/humans"), "list_humans");
        AssertSameJson(await _mcp.SucceedAsync("get_human", new { human_id = humanId }), await RestAsync($"/v1/humans/{humanId}"), "get_human");
        AssertSameJson(await _mcp.SucceedAsync("get_booking", new { booking_id = bookingId }), await RestAsync($"/v1/bookings/{bookingId}"), "get_booking");
        AssertSameJson(await _mcp.SucceedAsync("list_bookings"), await RestAsync("/v1/bookings"), "list_bookings");
        AssertSameJson(
            await _mcp.SucceedAsync("list_bookings", new { human_id = humanId, status = "confirmed", date_from = Monday, limit = 10 }),
            await RestAsync($"/v1/bookings?human_id={humanId}&status=confirmed&date_from={Monday}&limit=10"),
            "list_bookings with filters");

        var cancelled = await _mcp.SucceedAsync("cancel_booking", new { booking_id = bookingId });

        Assert.That(cancelled.GetProperty("status").GetString(), Is.EqualTo("cancelled"));
        Assert.That((await RestAsync($"/v1/bookings/{bookingId}")).GetProperty("status").GetString(), Is.EqualTo("cancelled"));
        await _mcp.SucceedAsync("book", new { human_id = humanId, starts_at = MondayNine, duration = 30, attendee_name = "Ada" });
    }

    [Test]
    public async Task Reschedule_MovesTheBookingAsRestWould_AndARefusalCarriesTheRestErrorWithAlternatives()
    {
        var humanId = await HumanSetup.CreateAsync(_organization.Client);
        var bookingId = (await _mcp.SucceedAsync("book", new { human_id = humanId, starts_at = MondayNine, duration = 30, attendee_name = "Grace" }))
            .GetProperty("id").GetString()!;
        await _mcp.SucceedAsync("book", new { human_id = humanId, starts_at = "2026-03-16T14:00:00Z", duration = 30, attendee_name = "Ada" });

        var moved = await _mcp.SucceedAsync("reschedule", new { booking_id = bookingId, starts_at = "2026-03-16T15:00:00Z" });

        AssertSameJson(moved, await RestAsync($"/v1/bookings/{bookingId}"), "reschedule answers the moved booking");
        Assert.That(moved.GetProperty("starts_at").GetString(), Is.EqualTo("2026-03-16T15:00:00.000Z"));
        var rest = await WireJson.ReadAsync(await _organization.Client.PostAsync(
            $"/v1/bookings/{bookingId}/reschedule", WireJson.Body(new { starts_at = "2026-03-16T14:00:00Z" })));
        var refused = await _mcp.RefuseAsync("reschedule", new { booking_id = bookingId, starts_at = "2026-03-16T14:00:00Z" }, "SLOT_UNAVAILABLE");
        AssertSameJson(refused, rest.GetProperty("error"), "the tool error is the REST error, alternatives included");
        await _mcp.RefuseAsync("reschedule", new { booking_id = bookingId, starts_at = "2026-03-16T15:00:00Z", duration = 45 }, "INVALID_DURATION");
        await _mcp.RefuseAsync("reschedule", new { booking_id = "nope", starts_at = "2026-03-16T15:00:00Z" }, "VALIDATION_ERROR");
    }

    [Test]
    public async Task HoldConfirmAndRelease_AnswerAsRestDoes_AndAHeldTimeIsRefusedWithTheHoldAsTheConflict()
    {
        var humanId = await HumanSetup.CreateAsync(_organization.Client);

        var hold = await _mcp.SucceedAsync("hold", new { human_id = humanId, starts_at = MondayNine, duration = 30, ttl_seconds = 600 });

        AssertSameJson(hold, await RestAsync($"/v1/holds/{hold.GetProperty("id").GetString()}"), "hold answers the hold");
        var refused = await _mcp.RefuseAsync("book", new { human_id = humanId, starts_at = MondayNine, duration = 30, attendee_name = "Eve" }, "SLOT_UNAVAILABLE");
        Assert.That(refused.GetProperty("conflict").GetProperty("type").GetString(), Is.EqualTo("hold"));
        var booking = await _mcp.SucceedAsync("confirm_hold", new { hold_id = hold.GetProperty("id").GetString(), attendee_name = "Grace" });
        AssertSameJson(booking, await RestAsync($"/v1/bookings/{booking.GetProperty("id").GetString()}"), "confirm_hold answers the booking");
        AssertSameJson(
            await _mcp.SucceedAsync("confirm_hold", new { hold_id = hold.GetProperty("id").GetString(), attendee_name = "Grace" }), booking,
            "confirming again answers the same booking");

        var second = await _mcp.SucceedAsync("hold", new { human_id = humanId, starts_at = "2026-03-16T14:00:00Z", duration = 30 });
        var released = await _mcp.SucceedAsync("release_hold", new { hold_id = second.GetProperty("id").GetString() });
        Assert.That(released.GetProperty("status").GetString(), Is.EqualTo("released"));
        await _mcp.RefuseAsync("confirm_hold", new { hold_id = second.GetProperty("id").GetString(), attendee_name = "Grace" }, "HOLD_EXPIRED");
        await _mcp.RefuseAsync("release_hold", new { hold_id = hold.GetProperty("id").GetString() }, "HOLD_CONFIRMED");
        await _mcp.RefuseAsync("hold", new { human_id = humanId, starts_at = MondayNine, duration = 30, ttl_seconds = 5 }, "VALIDATION_ERROR");
    }

    [Test]
    public async Task FindSlots_ExplainsAnEmptyAnswer_AndNamesTheNextFreeSlot()
    {
        var humanId = await HumanSetup.CreateAsync(_organization.Client);

        var saturday = await _mcp.CallAsync("find_slots", new { human_id = humanId, date_from = "2026-03-21", date_to = "2026-03-22", duration = 30 });

        Assert.That(saturday.IsError, Is.Not.True);
        AssertSameJson(
            saturday.StructuredContent!.Value, await RestAsync($"/v1/humans/{humanId}/slots?date_from=2026-03-21&date_to=2026-03-22&duration=30"),
            "find_slots answers the REST body, empty_reason and next_available_at included");
        Assert.That(McpConnection.Text(saturday), Does.Contain("empty_reason NOT_WORKING").And.Contain("starts_at 2026-03-23T13:00:00.000Z"));
    }

    [Test]
    public async Task ConfigurationTools_SetUpAHuman_AsRestWould()
    {
        var created = await _mcp.SucceedAsync("create_human", new { name = "Ada Lovelace", timezone = "Europe/London", role = "Sales" });
        var humanId = created.GetProperty("id").GetString()!;
        var rules = await _mcp.SucceedAsync("set_availability", new
        {
            human_id = humanId, working_days = new[] { 1, 2, 3, 4, 5 }, work_start = "09:00", work_end = "17:00", meeting_durations = new[] { 30, 60 },
        });
        AssertSameJson(rules, await RestAsync($"/v1/humans/{humanId}"), "set_availability answers the human with its rules");

        var added = await _mcp.SucceedAsync("add_override", new
        {
            human_id = humanId, type = "block", title = "Stand-up", start_date = Monday, start_time = "09:00", end_time = "12:00",
            recurrence = new { freq = "weekly", days = new[] { 1 } },
        });
        AssertSameJson(await _mcp.SucceedAsync("list_overrides", new { human_id = humanId }), await RestAsync($"/v1/humans/{humanId}/overrides"), "list_overrides");
        var slots = await _mcp.SucceedAsync("find_slots", new { human_id = humanId, date_from = Monday, date_to = Monday, duration = 60 });
        Assert.That(slots.GetProperty("slots")[0].GetProperty("starts_at").GetString(), Is.EqualTo("2026-03-16T12:00:00.000Z"), "12:00 London, after the block");

        await _mcp.SucceedAsync("remove_override", new { human_id = humanId, override_id = added.GetProperty("id").GetString() });

        Assert.That((await RestAsync($"/v1/humans/{humanId}/overrides")).GetProperty("total").GetInt32(), Is.Zero);
    }

    [Test]
    public async Task SetAvailability_TakesTheSchedulingRules_AndBookAndCheckSlotAnswerTheirRefusals()
    {
        var humanId = await HumanSetup.CreateAsync(_organization.Client, rules: null);
        var rules = await _mcp.SucceedAsync("set_availability", new
        {
            human_id = humanId, meeting_durations = new[] { 30 }, buffer_after = 15, minimum_notice = 60, booking_horizon_days = 30, daily_booking_limit = 1,
            weekly_hours = new Dictionary<string, object[]> { ["1"] = [new { start = "09:00", end = "12:00" }, new { start = "13:00", end = "17:00" }] },
        });
        AssertSameJson(rules, await RestAsync($"/v1/humans/{humanId}"), "set_availability answers the human with its rules");
        Assert.That(rules.GetProperty("availability_rules").GetProperty("working_days").GetRawText(), Is.EqualTo("[1]"));

        var slots = await _mcp.SucceedAsync("find_slots", new { human_id = humanId, date_from = Monday, date_to = Monday, duration = 30 });
        Assert.That(slots.GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("starts_at").GetString()), Does.Not.Contain("2026-03-16T16:00:00.000Z"), "lunch");

        await _mcp.RefuseAsync("book", new { human_id = humanId, starts_at = "2026-03-16T16:00:00Z", duration = 30, attendee_name = "Ada" }, "OUTSIDE_WORKING_HOURS");
        await _mcp.RefuseAsync("book", new { human_id = humanId, starts_at = "2026-05-04T13:00:00Z", duration = 30, attendee_name = "Ada" }, "BEYOND_HORIZON");
        await _mcp.SucceedAsync("book", new { human_id = humanId, starts_at = MondayNine, duration = 30, attendee_name = "Ada" });
        var limit = await _mcp.RefuseAsync("book", new { human_id = humanId, starts_at = "2026-03-16T18:00:00Z", duration = 30, attendee_name = "Ada" }, "BOOKING_LIMIT_REACHED");
        Assert.That(limit.GetProperty("message").GetString(), Does.Contain("daily_booking_limit"));
        Assert.That(limit.GetProperty("alternatives").GetArrayLength(), Is.EqualTo(3), "the nearest free slots come with the refusal");
        var check = await _mcp.CallAsync("check_slot", new { human_id = humanId, starts_at = "2026-03-16T13:30:00Z", duration = 30 });
        Assert.That(McpConnection.Text(check), Does.Contain("SLOT_UNAVAILABLE"), "inside the first booking's after-buffer");
        // Half an hour from now (a Sunday night): the notice is reported before the hours.
        await _mcp.RefuseAsync("book", new { human_id = humanId, starts_at = "2026-03-01T00:30:00Z", duration = 30, attendee_name = "Ada" }, "NOTICE_TOO_SHORT");
    }

    [Test]
    public async Task AnotherOrganization_CannotSeeOrCancel_OurHumansOrBookings()
    {
        var humanId = await HumanSetup.CreateAsync(_organization.Client);
        var bookingId = (await _mcp.SucceedAsync("book", new { human_id = humanId, starts_at = MondayNine, duration = 30, attendee_name = "Grace" }))
            .GetProperty("id").GetString()!;
        var other = await Factory.CreateOrganizationAsync();
        await using var theirs = await McpConnection.OpenAsync(Factory, other.ApiKey);

        await theirs.RefuseAsync("get_human", new { human_id = humanId }, "NOT_FOUND");
        await theirs.RefuseAsync("find_slots", new { human_id = humanId, date_from = Monday, date_to = Monday, duration = 30 }, "NOT_FOUND");
        await theirs.RefuseAsync("book", new { human_id = humanId, starts_at = "2026-03-16T14:00:00Z", duration = 30, attendee_name = "Eve" }, "NOT_FOUND");
        await theirs.RefuseAsync("get_booking", new { booking_id = bookingId }, "NOT_FOUND");
        await theirs.RefuseAsync("cancel_booking", new { booking_id = bookingId }, "NOT_FOUND");
        await theirs.RefuseAsync("list_overrides", new { human_id = humanId }, "NOT_FOUND");
        Assert.Multiple(async () =>
        {
            Assert.That((await theirs.SucceedAsync("list_bookings")).GetProperty("total").GetInt32(), Is.Zero);
            Assert.That((await theirs.SucceedAsync("list_humans")).GetProperty("total").GetInt32(), Is.Zero);
            Assert.That((await RestAsync($"/v1/bookings/{bookingId}")).GetProperty("status").GetString(), Is.EqualTo("confirmed"));
            Assert.That(await BookingsAsync(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task FiftyBooksOfOneSlot_BookItOnce_AndTheRestAreSlotUnavailableToolErrors()
    {
        var humanId = await HumanSetup.CreateAsync(_organization.Client);

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            _mcp.CallAsync("book", new { human_id = humanId, starts_at = MondayNine, duration = 30, attendee_name = $"Agent {i}" })));

        Assert.Multiple(async () =>
        {
            Assert.That(results.Count(r => r.IsError != true), Is.EqualTo(1));
            Assert.That(
                results.Where(r => r.IsError == true).Select(r => r.StructuredContent!.Value.GetProperty("error").GetProperty("code").GetString()),
                Is.EqualTo(Enumerable.Repeat("SLOT_UNAVAILABLE", 49)));
            Assert.That(await BookingsAsync(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Book_WithAnIdempotencyKey_BooksOnce_AndAnotherRequestUnderTheKeyIsRefused()
    {
        var humanId = await HumanSetup.CreateAsync(_organization.Client);
        var arguments = new { human_id = humanId, starts_at = MondayNine, duration = 30, attendee_name = "Grace", idempotency_key = "agent-run-7" };

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => _mcp.CallAsync("book", arguments)));
        var again = await _mcp.SucceedAsync("book", arguments);

        Assert.Multiple(async () =>
        {
            Assert.That(answers.Select(a => a.IsError), Is.All.Not.True, string.Join("\n", answers.Select(Text)));
            var ids = answers.Select(a => a.StructuredContent!.Value.GetProperty("id").GetString()).Append(again.GetProperty("id").GetString());
            Assert.That(ids.Distinct().Count(), Is.EqualTo(1), "every repeat answers the first booking");
            Assert.That(await BookingsAsync(), Is.EqualTo(1));
        });
        await _mcp.RefuseAsync("book", arguments with { starts_at = "2026-03-16T14:00:00Z" }, "IDEMPOTENCY_KEY_REUSED");
        Assert.That(await BookingsAsync(), Is.EqualTo(1));
    }

    private static IEnumerable<TestCaseData> BadBookArguments()
    {
        yield return Case("HumanIdIsNotAUuid", new { human_id = "not-a-uuid", starts_at = MondayNine, duration = 30, attendee_name = "A" }, "human_id");
        yield return Case("StartIsNotAnInstant", new { human_id = Guid.NewGuid().ToString(), starts_at = "next tuesday", duration = 30, attendee_name = "A" }, "starts_at");
        yield return Case("StartHasNoOffset", new { human_id = Guid.NewGuid().ToString(), starts_at = "2026-03-16T13:00:00", duration = 30, attendee_name = "A" }, "starts_at");
        yield return Case("DurationIsZero", new { human_id = Guid.NewGuid().ToString(), starts_at = MondayNine, duration = 0, attendee_name = "A" }, "duration");
        yield return Case("AttendeeNameIsBlank", new { human_id = Guid.NewGuid().ToString(), starts_at = MondayNine, duration = 30, attendee_name = " " }, "attendee_name");
        yield return Case("MetadataIsNotAnObject", new { human_id = Guid.NewGuid().ToString(), starts_at = MondayNine, duration = 30, attendee_name = "A", metadata = new[] { 1 } }, "metadata");
        yield return Case("IdempotencyKeyIsTooLong", new { human_id = Guid.NewGuid().ToString(), starts_at = MondayNine, duration = 30, attendee_name = "A", idempotency_key = new string('k', 256) }, "idempotency_key");

        static TestCaseData Case(string name, object arguments, string field) => new TestCaseData(arguments, field).SetArgDisplayNames(name);
    }

    [TestCaseSource(nameof(BadBookArguments))]
    public async Task Book_WithABadArgument_IsAValidationToolError_NamingIt_AndBooksNothing(object arguments, string field)
    {
        var error = await _mcp.RefuseAsync("book", arguments, "VALIDATION_ERROR");

        Assert.Multiple(async () =>
        {
            Assert.That(error.GetProperty("details").EnumerateArray().Select(d => d.GetProperty("field").GetString()), Has.Member(field));
            Assert.That(error.GetProperty("message").GetString(), Does.Contain(field));
            Assert.That(await BookingsAsync(), Is.Zero);
        });
    }

    [Test]
    public async Task Book_WithAWrongTypeOrAMissingArgument_IsAToolError_AndBooksNothing()
    {
        var humanId = await HumanSetup.CreateAsync(_organization.Client);

        var wrongType = await _mcp.RefuseAsync("book", new { human_id = humanId, starts_at = MondayNine, duration = "thirty", attendee_name = "A" }, "VALIDATION_ERROR");
        var missing = await _mcp.RefuseAsync("book", new { human_id = humanId, starts_at = MondayNine, duration = 30 }, "VALIDATION_ERROR");
        var unknown = await _mcp.RefuseAsync("book", new { humanId, starts_at = MondayNine, duration = 30, attendee_name = "A" }, "VALIDATION_ERROR");
        var wrongItems = await _mcp.RefuseAsync(
            "set_availability", new { human_id = humanId, working_days = new[] { "Mon" }, work_start = "09:00", work_end = "17:00", meeting_durations = new[] { 30 } }, "VALIDATION_ERROR");

        Assert.Multiple(async () =>
        {
            Assert.That(wrongType.GetProperty("message").GetString(), Is.EqualTo("duration must be an integer."));
            Assert.That(missing.GetProperty("message").GetString(), Is.EqualTo("attendee_name is required."));
            Assert.That(Fields(unknown), Is.EquivalentTo(new[] { "humanId" }), "humanId is not an argument (human_id is optional beside human_ids)");
            Assert.That(unknown.GetProperty("message").GetString(), Does.Contain("human_id, human_ids"), "the message lists the arguments book takes");
            Assert.That(wrongItems.GetProperty("message").GetString(), Is.EqualTo("working_days must be an array of integers."));
            Assert.That(await BookingsAsync(), Is.Zero);
        });
    }

    private static IEnumerable<TestCaseData> Refusals()
    {
        var unknown = Guid.NewGuid().ToString();
        yield return Case("get_human", new { human_id = "42" }, "VALIDATION_ERROR", "human_id");
        yield return Case("get_human", new { human_id = unknown }, "NOT_FOUND", null);
        yield return Case("create_human", new { name = "Bob", timezone = "America/San_Francisco" }, "VALIDATION_ERROR", "timezone");
        yield return Case("create_human", new { name = " ", timezone = "UTC" }, "VALIDATION_ERROR", "name");
        yield return Case("set_availability", new { human_id = unknown, working_days = new[] { 1 }, work_start = "17:00", work_end = "09:00", meeting_durations = new[] { 30 } }, "VALIDATION_ERROR", "work_start");
        yield return Case("set_availability", new { human_id = unknown, working_days = new[] { 1 }, work_start = "09:00", work_end = "17:00", meeting_durations = new[] { 30 } }, "NOT_FOUND", null);
        yield return Case("find_slots", new { human_id = unknown, date_from = "2026-03-20", date_to = "2026-03-16", duration = 30 }, "VALIDATION_ERROR", "date_to");
        yield return Case("find_slots", new { human_id = unknown, date_from = "16/03/2026", date_to = "2026-03-16", duration = 30 }, "VALIDATION_ERROR", "date_from");
        yield return Case("check_slot", new { human_id = unknown, starts_at = "2026-02-01T13:00:00Z", duration = 30 }, "VALIDATION_ERROR", "starts_at");
        yield return Case("get_booking", new { booking_id = unknown }, "NOT_FOUND", null);
        yield return Case("list_bookings", new { status = "done" }, "VALIDATION_ERROR", "status");
        yield return Case("list_bookings", new { limit = 101 }, "VALIDATION_ERROR", "limit");
        yield return Case("cancel_booking", new { booking_id = "x" }, "VALIDATION_ERROR", "booking_id");
        yield return Case("add_override", new { human_id = unknown, type = "vacation", start_date = "2026-03-16", all_day = true }, "VALIDATION_ERROR", "type");
        yield return Case("add_override", new { human_id = unknown, type = "block", start_date = "2026-03-16" }, "VALIDATION_ERROR", "start_time");
        yield return Case("add_override", new { human_id = unknown, type = "block", start_date = "2026-03-16", all_day = true, recurrence = new { freq = "daily" } }, "VALIDATION_ERROR", "recurrence.freq");
        yield return Case("remove_override", new { human_id = unknown, override_id = unknown }, "NOT_FOUND", null);

        static TestCaseData Case(string tool, object arguments, string code, string? field) =>
            new TestCaseData(tool, arguments, code, field).SetArgDisplayNames($"{tool}_{code}_{field ?? "none"}");
    }

    [TestCaseSource(nameof(Refusals))]
    public async Task EachTool_RefusesAsRestDoes_WithAToolErrorNamingTheArgument(string tool, object arguments, string code, string? field)
    {
        var error = await _mcp.RefuseAsync(tool, arguments, code);

        if (field is not null)
        {
            Assert.That(Fields(error), Has.Member(field));
        }
    }

    [Test]
    public async Task ABug_IsAGenericToolErrorWithTheRequestId_AndNoInternals()
    {
        var humanId = await HumanSetup.CreateAsync(_organization.Client);
        var bookingId = (await _mcp.SucceedAsync("book", new { human_id = humanId, starts_at = MondayNine, duration = 30, attendee_name = "Grace" }))
            .GetProperty("id").GetString();
        _fault.Armed = true;
        try
        {
            var error = await _mcp.RefuseAsync("get_booking", new { booking_id = bookingId }, "INTERNAL_ERROR");

            Assert.Multiple(() =>
            {
                Assert.That(error.GetProperty("message").GetString(), Does.Match("^An unexpected error occurred. Request id: .+\\.$"));
                Assert.That(error.GetRawText(), Does.Not.Contain(BrokenBookingReads.Message));
            });
        }
        finally
        {
            _fault.Armed = false;
        }
    }

    [Test]
    public async Task MalformedJsonRpc_IsAJsonRpcError_AndWritesNothing()
    {
        var response = await _organization.Client.SendAsync(JsonRpc("""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"book","arguments":"""));

        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), body);
        Assert.That(body, Does.Contain("\"error\""));
        Assert.That(await BookingsAsync(), Is.Zero);
    }

    private static IEnumerable<string?> Fields(JsonElement error) => error.GetProperty("details").EnumerateArray().Select(d => d.GetProperty("field").GetString());

    private static HttpRequestMessage JsonRpc(string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/mcp") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        return request;
    }

    private async Task<JsonElement> RestAsync(string path)
    {
        var response = await _organization.Client.GetAsync(path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await WireJson.ReadAsync(response);
    }

    private Task<int> BookingsAsync() => Factory.QueryAsync(db => db.Bookings.CountAsync(b => b.OrganizationId == _organization.Id));

    /// <summary>When armed, a read of bookings fails as a bug would (not a database error the service knows).</summary>
    private sealed class BrokenBookingReads : DbCommandInterceptor
    {
        public const string Message = "secret internal detail";

        public volatile bool Armed;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken) =>
            Armed && command.CommandText.Contains("bookings", StringComparison.OrdinalIgnoreCase)
                ? throw new InvalidOperationException(Message)
                : ValueTask.FromResult(result);
    }
}

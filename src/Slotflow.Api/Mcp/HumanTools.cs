using System.ComponentModel;
using System.Globalization;
using Mediator;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Slotflow.Api.Contracts;
using Slotflow.Application.Humans;
using Slotflow.Application.Humans.GetHuman;
using Slotflow.Application.Humans.ListHumans;

namespace Slotflow.Api.Mcp;

/// <summary>The humans an agent books time with, and their availability rules.</summary>
[McpServerToolType]
public sealed class HumanTools(ToolAnswers answers, IMediator mediator)
{
    [McpServerTool(Name = "list_humans", Title = "List humans", ReadOnly = true, Idempotent = true, Destructive = false, OpenWorld = false)]
    [Description("Lists the active humans (people whose time can be booked) of your organization: id, name, email, role and IANA time zone. Use it first to find the human_id that every other tool needs.")]
    public Task<CallToolResult> ListHumans(CancellationToken cancellationToken) =>
        answers.AnswerAsync(
            () => mediator.Send(new ListHumansQuery(answers.OrganizationId), cancellationToken).AsTask(),
            list => list.Total == 0
                ? "No humans yet: create one with create_human and give it working hours with set_availability."
                : $"{list.Total} human(s):\n" + string.Join('\n', list.Humans.Select(h => $"- {h.Name} ({h.Role ?? "no role"}), {h.Timezone}, human_id {h.Id}")));

    [McpServerTool(Name = "get_human", Title = "Get a human", ReadOnly = true, Idempotent = true, Destructive = false, OpenWorld = false)]
    [Description("Reads one human with its availability rules: working days (1 = Monday … 7 = Sunday), working hours in its own time zone (or weekly_hours per weekday), the meeting durations (minutes) a booking may use, and its booking rules (buffers, minimum notice, horizon, daily and weekly limits). Use it to pick a valid duration before find_slots or book.")]
    public Task<CallToolResult> GetHuman(
        [Description("The human's id (UUID), from list_humans.")] string human_id,
        CancellationToken cancellationToken)
    {
        return answers.AnswerAsync(
            async () => await mediator.Send(new GetHumanQuery(answers.OrganizationId, ToolArguments.SingleUuid(human_id, "human_id")), cancellationToken),
            Describe);
    }

    [McpServerTool(Name = "create_human", Title = "Create a human", ReadOnly = false, Idempotent = false, Destructive = false, OpenWorld = false)]
    [Description("Creates a human whose time can be booked. It has no working hours until set_availability is called, so it has no free slots before that. Counts against the plan's cap of humans (PLAN_LIMIT_REACHED when full).")]
    public Task<CallToolResult> CreateHuman(
        [Description("Display name, 1 to 200 characters.")] string name,
        [Description("IANA time zone id the working hours are in, such as America/New_York or Europe/London.")] string timezone,
        [Description("Optional email address.")] string? email = null,
        [Description("Optional role, such as \"Sales\".")] string? role = null,
        CancellationToken cancellationToken = default)
    {
        var request = new CreateHumanRequest(name, timezone, email, role);
        return answers.AnswerAsync(
            async () =>
            {
                await answers.ValidateAsync(request, new ToolArguments(), cancellationToken);
                return await mediator.Send(request.ToCommand(answers.OrganizationId), cancellationToken);
            },
            human => $"Created {human.Name} ({human.Timezone}), human_id {human.Id}. Next: set_availability.");
    }

    [McpServerTool(Name = "set_availability", Title = "Set working hours and booking rules", ReadOnly = false, Idempotent = true, Destructive = true, OpenWorld = false)]
    [Description("Replaces a human's availability rules as a whole (the previous rules are lost): the weekdays it works and its daily hours in its own time zone (or weekly_hours for several windows a day and different hours per weekday), the meeting durations a booking may use, and optional booking rules (slot grid, buffers, minimum notice, horizon, daily and weekly limits). Rules left out take their defaults (no such rule). Bookings already made are kept.")]
    public Task<CallToolResult> SetAvailability(
        [Description("The human's id (UUID).")] string human_id,
        [Description("Allowed meeting lengths in minutes, distinct, 5 to 720 in multiples of 5, e.g. [30, 60].")] int[] meeting_durations,
        [Description("Weekdays worked, distinct, 1 = Monday … 7 = Sunday, e.g. [1,2,3,4,5]. Required unless weekly_hours is given.")] int[]? working_days = null,
        [Description("Start of the working day, HH:MM in the human's time zone, e.g. \"09:00\". Required unless weekly_hours is given.")] string? work_start = null,
        [Description("End of the working day, HH:MM (24:00 allowed), after work_start, e.g. \"17:00\". Required unless weekly_hours is given.")] string? work_end = null,
        [Description("Minutes between candidate start times (5 to 720, multiple of 5); omit to step by the meeting's duration.")] int? slot_interval = null,
        [Description("Free minutes kept before each booking, 0 to 240 in multiples of 5.")] int? buffer_before = null,
        [Description("Free minutes kept after each booking, 0 to 240 in multiples of 5.")] int? buffer_after = null,
        [Description("Minutes of notice a booking needs: nothing may start sooner than now plus this (0 to 525600).")] int? minimum_notice = null,
        [Description("Days ahead a booking may start at most (1 to 3650); omit for no limit.")] int? booking_horizon_days = null,
        [Description("At most this many bookings per day in the human's time zone (at least 1); omit for no limit.")] int? daily_booking_limit = null,
        [Description("At most this many bookings per ISO week (Monday to Sunday) in the human's time zone; omit for no limit.")] int? weekly_booking_limit = null,
        [Description("Windows per weekday, replacing working_days/work_start/work_end: {\"1\": [{\"start\": \"09:00\", \"end\": \"12:00\"}, {\"start\": \"13:00\", \"end\": \"17:00\"}], \"5\": [{\"start\": \"09:00\", \"end\": \"13:00\"}]}; keys \"1\" (Monday) to \"7\" (Sunday); windows of a day must not overlap.")] Dictionary<string, WindowRequest[]?>? weekly_hours = null,
        CancellationToken cancellationToken = default)
    {
        var request = new SetAvailabilityRequest(
            working_days, work_start, work_end, meeting_durations, slot_interval, buffer_before, buffer_after,
            minimum_notice, booking_horizon_days, daily_booking_limit, weekly_booking_limit, weekly_hours);
        return answers.AnswerAsync(
            async () =>
            {
                var arguments = new ToolArguments();
                var id = arguments.Uuid(human_id, "human_id");
                await answers.ValidateAsync(request, arguments, cancellationToken);
                return await mediator.Send(request.ToCommand(answers.OrganizationId, id.GetValueOrDefault()), cancellationToken);
            },
            Describe);
    }

    private static string Describe(HumanDetailsDto human)
    {
        var rules = human.AvailabilityRules is { } r
            ? string.Create(CultureInfo.InvariantCulture, $"works {Hours(r)} {human.Timezone}; meeting durations {string.Join(", ", r.MeetingDurations)} min{Rules(r)}")
            : "no working hours yet (set_availability), so no free slots";
        return $"{human.Name} ({human.Timezone}), human_id {human.Id}: {rules}.";
    }

    private static string Hours(AvailabilityRulesDto rules) =>
        rules.WeeklyHours is { } weekly
            ? string.Join("; ", weekly.Where(d => d.Value.Count > 0).Select(d => $"{Weekday(int.Parse(d.Key, CultureInfo.InvariantCulture))} {string.Join(", ", d.Value.Select(w => $"{w.Start}–{w.End}"))}"))
            : $"{string.Join(",", rules.WorkingDays.Select(Weekday))} {rules.WorkStart}–{rules.WorkEnd}";

    /// <summary>The booking rules that are on, as a phrase (empty when none).</summary>
    private static string Rules(AvailabilityRulesDto r)
    {
        var on = new List<string>();
        AddIf(on, r.SlotInterval is not null, $"starts every {r.SlotInterval} min");
        AddIf(on, r.BufferBefore > 0 || r.BufferAfter > 0, $"buffers {r.BufferBefore} min before, {r.BufferAfter} min after");
        AddIf(on, r.MinimumNotice > 0, $"{r.MinimumNotice} min notice");
        AddIf(on, r.BookingHorizonDays is not null, $"at most {r.BookingHorizonDays} days ahead");
        AddIf(on, r.DailyBookingLimit is not null, $"at most {r.DailyBookingLimit} bookings a day");
        AddIf(on, r.WeeklyBookingLimit is not null, $"at most {r.WeeklyBookingLimit} bookings a week");
        return on.Count == 0 ? string.Empty : "; " + string.Join("; ", on);
    }

    private static void AddIf(List<string> phrases, bool condition, FormattableString phrase)
    {
        if (condition)
        {
            phrases.Add(phrase.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static string Weekday(int day) => CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedDayNames[day % 7];
}

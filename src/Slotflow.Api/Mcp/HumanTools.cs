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
    [Description("Reads one human with its availability rules: working days (1 = Monday … 7 = Sunday), working hours in its own time zone, and the meeting durations (minutes) a booking may use. Use it to pick a valid duration before find_slots or book.")]
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

    [McpServerTool(Name = "set_availability", Title = "Set working hours", ReadOnly = false, Idempotent = true, Destructive = true, OpenWorld = false)]
    [Description("Replaces a human's availability rules as a whole (the previous rules are lost): the weekdays it works, its daily hours in its own time zone, and the meeting durations a booking may use. Bookings already made are kept.")]
    public Task<CallToolResult> SetAvailability(
        [Description("The human's id (UUID).")] string human_id,
        [Description("Weekdays worked, distinct, 1 = Monday … 7 = Sunday, e.g. [1,2,3,4,5].")] int[] working_days,
        [Description("Start of the working day, HH:MM in the human's time zone, e.g. \"09:00\".")] string work_start,
        [Description("End of the working day, HH:MM (24:00 allowed), after work_start, e.g. \"17:00\".")] string work_end,
        [Description("Allowed meeting lengths in minutes, distinct, 5 to 1440 in multiples of 5, e.g. [30, 60].")] int[] meeting_durations,
        CancellationToken cancellationToken = default)
    {
        var request = new SetAvailabilityRequest(working_days, work_start, work_end, meeting_durations);
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
            ? string.Create(CultureInfo.InvariantCulture, $"works {string.Join(",", r.WorkingDays.Select(Weekday))} {r.WorkStart}–{r.WorkEnd} {human.Timezone}; meeting durations {string.Join(", ", r.MeetingDurations)} min")
            : "no working hours yet (set_availability), so no free slots";
        return $"{human.Name} ({human.Timezone}), human_id {human.Id}: {rules}.";
    }

    private static string Weekday(int day) => CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedDayNames[day % 7];
}

using System.ComponentModel;
using System.Globalization;
using Mediator;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Slotflow.Api.Contracts;
using Slotflow.Application.ScheduleOverrides;
using Slotflow.Application.ScheduleOverrides.DeleteOverride;

namespace Slotflow.Api.Mcp;

/// <summary>Schedule overrides: blocked time and extra open time, once or recurring.</summary>
[McpServerToolType]
public sealed class OverrideTools(ToolAnswers answers, IMediator mediator)
{
    [McpServerTool(Name = "add_override", Title = "Block or open time", ReadOnly = false, Idempotent = false, Destructive = false, OpenWorld = false)]
    [Description("Adds a schedule override to a human: type \"block\" makes time unbookable (vacation, a dentist visit, lunch), type \"open\" adds bookable time outside working hours. It covers start_date (to end_date, inclusive) all day, or from start_time to end_time each day, in the human's time zone; a recurrence repeats it weekly (on days) or monthly (on day_of_month, or on week and day, week 5 = last). Existing bookings are not cancelled.")]
    public Task<CallToolResult> AddOverride(
        [Description("The human's id (UUID).")] string human_id,
        [Description("\"block\" or \"open\".")] string type,
        [Description("First day, YYYY-MM-DD.")] string start_date,
        [Description("Optional last day (inclusive), YYYY-MM-DD; default: start_date.")] string? end_date = null,
        [Description("true for whole days; then leave start_time and end_time out.")] bool? all_day = null,
        [Description("HH:MM, unless all_day.")] string? start_time = null,
        [Description("HH:MM (24:00 allowed), after start_time, unless all_day.")] string? end_time = null,
        [Description("Optional title, such as \"Dentist\".")] string? title = null,
        [Description("Optional recurrence: {\"freq\":\"weekly\",\"interval\":1,\"days\":[1,3]} or {\"freq\":\"monthly\",\"day_of_month\":15} or {\"freq\":\"monthly\",\"week\":5,\"day\":5}.")] RecurrenceRequest? recurrence = null,
        CancellationToken cancellationToken = default)
    {
        var request = new CreateOverrideRequest(type, title, all_day, start_date, end_date, start_time, end_time, recurrence);
        return answers.AnswerAsync(
            async () =>
            {
                var arguments = new ToolArguments();
                var id = arguments.Uuid(human_id, "human_id");
                await answers.ValidateAsync(request, arguments, cancellationToken);
                return await mediator.Send(request.ToCommand(answers.OrganizationId, id.GetValueOrDefault()), cancellationToken);
            },
            added => $"Added {Describe(added)}.");
    }

    [McpServerTool(Name = "list_overrides", Title = "List overrides", ReadOnly = true, Idempotent = true, Destructive = false, OpenWorld = false)]
    [Description("Lists a human's schedule overrides (blocks and open time), by start date.")]
    public Task<CallToolResult> ListOverrides(
        [Description("The human's id (UUID).")] string human_id,
        CancellationToken cancellationToken = default)
    {
        var request = new ListOverridesRequest();
        return answers.AnswerAsync(
            async () =>
            {
                var arguments = new ToolArguments();
                var id = arguments.Uuid(human_id, "human_id");
                await answers.ValidateAsync(request, arguments, cancellationToken);
                return await mediator.Send(request.ToQuery(answers.OrganizationId, id.GetValueOrDefault()), cancellationToken);
            },
            list => list.Total == 0 ? "No overrides." : $"{list.Total} override(s):\n" + string.Join('\n', list.Overrides.Select(o => "- " + Describe(o))));
    }

    [McpServerTool(Name = "remove_override", Title = "Remove an override", ReadOnly = false, Idempotent = true, Destructive = true, OpenWorld = false)]
    [Description("Removes one schedule override of a human: blocked time becomes bookable again (within working hours), or extra open time is no longer offered. Bookings already made are kept.")]
    public Task<CallToolResult> RemoveOverride(
        [Description("The human's id (UUID).")] string human_id,
        [Description("The override's id (UUID), from list_overrides.")] string override_id,
        CancellationToken cancellationToken = default)
    {
        return answers.AnswerAsync(
            async () =>
            {
                var arguments = new ToolArguments();
                var humanId = arguments.Uuid(human_id, "human_id");
                var overrideId = arguments.Uuid(override_id, "override_id");
                arguments.ThrowIfUnreadable();
                return await mediator.Send(
                    new DeleteOverrideCommand(answers.OrganizationId, humanId.GetValueOrDefault(), overrideId.GetValueOrDefault()), cancellationToken);
            },
            deleted => $"Removed override {deleted.Id}.");
    }

    private static string Describe(OverrideDto o)
    {
        var days = o.EndDate is { } end && end != o.StartDate
            ? string.Create(CultureInfo.InvariantCulture, $"{o.StartDate:yyyy-MM-dd} to {end:yyyy-MM-dd}")
            : o.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var hours = o.AllDay ? "all day" : $"{o.StartTime}–{o.EndTime}";
        var repeats = o.Recurrence is { } r ? $", repeating {r.Freq} every {r.Interval}" : string.Empty;
        return $"{o.Type} \"{o.Title}\" {days} {hours}{repeats}, override_id {o.Id}";
    }
}

using System.ComponentModel;
using System.Globalization;
using Mediator;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Slotflow.Api.Contracts;
using Slotflow.Api.Wire;
using Slotflow.Application.Humans.GetHuman;
using Slotflow.Application.Slots.GetSlots;

namespace Slotflow.Api.Mcp;

/// <summary>Free time: the slots a human has, and whether one interval would book.</summary>
[McpServerToolType]
public sealed class SlotTools(ToolAnswers answers, IMediator mediator)
{
    /// <summary>How many slots the text lists; the structured content has all of them.</summary>
    private const int SlotsInText = 20;

    [McpServerTool(Name = "find_slots", Title = "Find free slots", ReadOnly = true, Idempotent = true, Destructive = false, OpenWorld = false)]
    [Description("Lists the free slots of one human for a meeting of the given duration, between two dates of the human's own calendar (inclusive, at most 92 days apart). Every listed slot is bookable at the time of the answer: pass its starts_at to book. The answer also gives next_available_at, the first free start after date_to (up to 92 days on), and for an empty list empty_reason: NOT_WORKING, BLOCKED, FULLY_BOOKED, PASSED, BEYOND_HORIZON or LIMIT_REACHED. Slots are in UTC in the structured content; the text also gives each in the human's local time.")]
    public Task<CallToolResult> FindSlots(
        [Description("The human's id (UUID), from list_humans.")] string human_id,
        [Description("First day, YYYY-MM-DD, in the human's time zone.")] string date_from,
        [Description("Last day (inclusive), YYYY-MM-DD, in the human's time zone.")] string date_to,
        [Description("Meeting length in minutes; one of the human's meeting_durations (get_human).")] int duration,
        CancellationToken cancellationToken = default)
    {
        var request = new GetSlotsRequest
        {
            DateFrom = date_from,
            DateTo = date_to,
            Duration = duration.ToString(CultureInfo.InvariantCulture),
        };
        return answers.AnswerAsync(
            async () =>
            {
                var arguments = new ToolArguments();
                var id = arguments.Uuid(human_id, "human_id");
                await answers.ValidateAsync(request, arguments, cancellationToken);
                return await mediator.Send(request.ToQuery(answers.OrganizationId, id.GetValueOrDefault()), cancellationToken);
            },
            slots =>
            {
                var next = slots.NextAvailableAt is { } at
                    ? $"The first free slot after {date_to}: {LocalTimes.Describe(at, slots.Timezone)} starts_at {UtcInstantJsonConverter.Format(at)}."
                    : $"Nothing is free in the {GetSlotsQueryHandler.NextAvailableReachDays} days after {date_to} either.";
                if (slots.Total == 0)
                {
                    return $"No free {slots.Duration}-minute slots from {date_from} to {date_to} ({slots.Timezone}): {Explain(slots.EmptyReason)} {next}";
                }

                var lines = slots.Slots.Take(SlotsInText).Select(s => $"- {LocalTimes.Describe(s.StartsAt, slots.Timezone)} starts_at {UtcInstantJsonConverter.Format(s.StartsAt)}");
                var more = slots.Total > SlotsInText ? $"\n… and {slots.Total - SlotsInText} more in the structured content." : string.Empty;
                return $"{slots.Total} free {slots.Duration}-minute slot(s) from {date_from} to {date_to} ({slots.Timezone}):\n{string.Join('\n', lines)}{more}\n{next}";
            });
    }

    /// <summary>An empty answer's empty_reason, for a model.</summary>
    private static string Explain(string? reason) => reason switch
    {
        "NOT_WORKING" => "empty_reason NOT_WORKING, the human has no working hours or open time on these dates.",
        "BLOCKED" => "empty_reason BLOCKED, blocks on the human's schedule cover these dates.",
        "FULLY_BOOKED" => "empty_reason FULLY_BOOKED, bookings and holds (with their buffers) take every time.",
        "PASSED" => "empty_reason PASSED, these times are in the past or inside the human's minimum notice.",
        "BEYOND_HORIZON" => "empty_reason BEYOND_HORIZON, these dates are further ahead than the human takes bookings.",
        _ => "empty_reason LIMIT_REACHED, the human's daily or weekly booking limits are reached.",
    };

    [McpServerTool(Name = "check_slot", Title = "Check a time", ReadOnly = true, Idempotent = true, Destructive = false, OpenWorld = false)]
    [Description("Tells whether a booking of this human at this time and duration would be accepted now, without booking or holding anything: bookable true, or bookable false with the refusal the booking would get (OUTSIDE_WORKING_HOURS, SCHEDULE_BLOCKED, SLOT_UNAVAILABLE, NOTICE_TOO_SHORT, BEYOND_HORIZON, BOOKING_LIMIT_REACHED, INVALID_DURATION) and, for a refused time, up to three nearest bookable alternatives. Use it to answer \"is Tuesday 10:00 free?\"; another agent may still book it before you do.")]
    public Task<CallToolResult> CheckSlot(
        [Description("The human's id (UUID).")] string human_id,
        [Description("Start, ISO 8601 with Z or an offset, e.g. 2026-03-16T13:00:00Z; a whole minute in the future.")] string starts_at,
        [Description("Meeting length in minutes.")] int duration,
        CancellationToken cancellationToken = default)
    {
        return answers.AnswerAsync(
            async () =>
            {
                var arguments = new ToolArguments();
                // The booking's own rules check the interval; an attendee is not part of the decision.
                var request = new CreateBookingRequest(
                    arguments.Uuid(human_id, "human_id"), arguments.Instant(starts_at, "starts_at"), duration, "check_slot", null, null);
                await answers.ValidateAsync(request, arguments, cancellationToken);
                var check = SlotCheckResponse.From(await mediator.Send(request.ToCheckQuery(answers.OrganizationId), cancellationToken));
                var human = await mediator.Send(new GetHumanQuery(answers.OrganizationId, request.HumanId.GetValueOrDefault()), cancellationToken);
                return (Check: check, When: LocalTimes.Describe(request.StartsAt.GetValueOrDefault(), request.StartsAt.GetValueOrDefault().AddMinutes(duration), human.Timezone));
            },
            result => result.Check.Error is { } error
                ? $"Not bookable: {result.When}. {error.Code}: {error.Message}{ToolAnswers.Offered(error)}"
                : $"Bookable now: {result.When}. Call book to take it.",
            result => result.Check);
    }
}

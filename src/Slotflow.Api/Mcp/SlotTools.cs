using System.ComponentModel;
using System.Globalization;
using Mediator;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Slotflow.Api.Contracts;
using Slotflow.Api.Wire;
using Slotflow.Application.Humans.GetHuman;
using Slotflow.Application.Humans.ListHumans;
using Slotflow.Application.Slots.GetSlots;

namespace Slotflow.Api.Mcp;

/// <summary>Free time: the slots a human has, and whether one interval would book.</summary>
[McpServerToolType]
public sealed class SlotTools(ToolAnswers answers, IMediator mediator)
{
    /// <summary>How many slots the text lists; the structured content has all of them.</summary>
    private const int SlotsInText = 20;

    [McpServerTool(Name = "find_slots", Title = "Find free slots", ReadOnly = true, Idempotent = true, Destructive = false, OpenWorld = false)]
    [Description("Lists the free slots for a meeting of the given duration between two dates (inclusive, at most 92 days apart), of one human (human_id) or of several at once (human_ids). Every listed slot is bookable at the time of the answer: pass its starts_at to book, with the same human_id or human_ids. For one human, dates are in the human's own calendar, and the answer also gives next_available_at, the first free start after date_to (up to 92 days on), and for an empty list empty_reason: NOT_WORKING, BLOCKED, FULLY_BOOKED, PASSED, BEYOND_HORIZON or LIMIT_REACHED. Use human_ids when any of several people will do (a team, a round robin): each slot then lists the human_ids free for it. Slots are in UTC in the structured content; the text also gives each in the local time of its humans.")]
    public Task<CallToolResult> FindSlots(
        [Description("First day, YYYY-MM-DD, in each human's time zone.")] string date_from,
        [Description("Last day (inclusive), YYYY-MM-DD, in each human's time zone.")] string date_to,
        [Description("Meeting length in minutes; one of the human's meeting_durations (get_human).")] int duration,
        [Description("The human's id (UUID), from list_humans. Give this or human_ids, not both.")] string? human_id = null,
        [Description("Several humans' ids (1 to 20 UUIDs, from list_humans), when any of them will do. Give this or human_id, not both.")] string[]? human_ids = null,
        CancellationToken cancellationToken = default)
    {
        return human_id is null && human_ids is not null
            ? FindPooledSlots(human_ids, date_from, date_to, duration, cancellationToken)
            : FindSlotsOfOne(human_id, human_ids, date_from, date_to, duration, cancellationToken);
    }

    /// <summary>One human's slots; also answers the refusal of a call that names no human or both kinds.</summary>
    private Task<CallToolResult> FindSlotsOfOne(string? humanId, string[]? humanIds, string dateFrom, string dateTo, int duration, CancellationToken cancellationToken)
    {
        var request = new GetSlotsRequest
        {
            DateFrom = dateFrom,
            DateTo = dateTo,
            Duration = duration.ToString(CultureInfo.InvariantCulture),
        };
        return answers.AnswerAsync(
            async () =>
            {
                var arguments = new ToolArguments();
                var id = arguments.Uuid(humanId, "human_id");
                arguments.OneHumanOrSeveral(humanId, humanIds);
                await answers.ValidateAsync(request, arguments, cancellationToken);
                return await mediator.Send(request.ToQuery(answers.OrganizationId, id.GetValueOrDefault()), cancellationToken);
            },
            slots =>
            {
                var next = slots.NextAvailableAt is { } at
                    ? $"The first free slot after {dateTo}: {LocalTimes.Describe(at, slots.Timezone)} starts_at {UtcInstantJsonConverter.Format(at)}."
                    : $"Nothing is free in the {GetSlotsQueryHandler.NextAvailableReachDays} days after {dateTo} either.";
                if (slots.Total == 0)
                {
                    return $"No free {slots.Duration}-minute slots from {dateFrom} to {dateTo} ({slots.Timezone}): {Explain(slots.EmptyReason)} {next}";
                }

                var lines = slots.Slots.Take(SlotsInText).Select(s => $"- {LocalTimes.Describe(s.StartsAt, slots.Timezone)} starts_at {UtcInstantJsonConverter.Format(s.StartsAt)}");
                var more = slots.Total > SlotsInText ? $"\n… and {slots.Total - SlotsInText} more in the structured content." : string.Empty;
                return $"{slots.Total} free {slots.Duration}-minute slot(s) from {dateFrom} to {dateTo} ({slots.Timezone}):\n{string.Join('\n', lines)}{more}\n{next}";
            });
    }

    /// <summary>Several humans' slots as one list (spec §12), each with who is free for it in their own local time.</summary>
    private Task<CallToolResult> FindPooledSlots(string[] humanIds, string dateFrom, string dateTo, int duration, CancellationToken cancellationToken)
    {
        return answers.AnswerAsync(
            async () =>
            {
                var arguments = new ToolArguments();
                arguments.Uuids(humanIds, "human_ids");
                var request = new GetPooledSlotsRequest
                {
                    HumanIds = string.Join(',', humanIds),
                    DateFrom = dateFrom,
                    DateTo = dateTo,
                    Duration = duration.ToString(CultureInfo.InvariantCulture),
                };
                await answers.ValidateAsync(request, arguments, cancellationToken);
                var query = request.ToQuery(answers.OrganizationId);
                var slots = await mediator.Send(query, cancellationToken);
                var humans = (await mediator.Send(new ListHumansQuery(answers.OrganizationId), cancellationToken)).Humans.ToDictionary(h => h.Id);
                // A human deactivated since the slot query is no longer listed: it is left out of the text.
                return (Slots: slots, Humans: query.HumanIds.Where(humans.ContainsKey).Select(id => humans[id]).ToList());
            },
            result =>
            {
                var (slots, humans) = result;
                var who = string.Join(", ", humans.Select(h => $"{h.Name} (human_id {h.Id}, {h.Timezone})"));
                if (slots.Total == 0)
                {
                    return $"No free {slots.Duration}-minute slots from {dateFrom} to {dateTo} for any of {who}. Call find_slots with one human_id to see why for that human.";
                }

                var names = humans.ToDictionary(h => h.Id);
                var lines = slots.Slots.Take(SlotsInText).Select(s =>
                    $"- starts_at {UtcInstantJsonConverter.Format(s.StartsAt)}: " +
                    string.Join("; ", s.HumanIds.Where(names.ContainsKey).Select(id => $"{names[id].Name} {LocalTimes.Describe(s.StartsAt, names[id].Timezone)}")));
                var more = slots.Total > SlotsInText ? $"\n… and {slots.Total - SlotsInText} more in the structured content." : string.Empty;
                return $"{slots.Total} free {slots.Duration}-minute slot(s) from {dateFrom} to {dateTo} among {who}, each with who is free:\n{string.Join('\n', lines)}{more}\n" +
                    "Book one with book, starts_at and the same human_ids (the booking goes to a free one of them), or with one human_id.";
            },
            result => result.Slots);
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

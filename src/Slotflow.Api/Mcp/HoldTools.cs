using System.ComponentModel;
using System.Text.Json;
using Mediator;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Slotflow.Api.Contracts;
using Slotflow.Application.Holds.ReleaseHold;
using Slotflow.Application.Humans.GetHuman;

namespace Slotflow.Api.Mcp;

/// <summary>Holds: keep a time while asking the user, then confirm it into a booking or release it (spec §11.1).</summary>
[McpServerToolType]
public sealed class HoldTools(ToolAnswers answers, IMediator mediator)
{
    [McpServerTool(Name = "hold", Title = "Hold a time", ReadOnly = false, Idempotent = false, Destructive = false, OpenWorld = false)]
    [Description("Keeps a time of a human for a few minutes (ttl_seconds, 30 to 900, default 300) while you ask your user whether it suits them: nobody else can book or hold it until it expires or is released. It is judged like a booking (same errors, and a refused time carries alternatives). Then call confirm_hold to turn it into a booking, or release_hold if the user declines. A hold counts toward no quota or limit until confirmed; a human can have at most 10 unexpired holds.")]
    public Task<CallToolResult> Hold(
        [Description("The human's id (UUID), from list_humans.")] string human_id,
        [Description("Start, ISO 8601 with Z or an offset, e.g. 2026-03-16T13:00:00Z; normally a starts_at from find_slots.")] string starts_at,
        [Description("Meeting length in minutes; one of the human's meeting_durations.")] int duration,
        [Description("Seconds the time is kept, 30 to 900 (default 300).")] int? ttl_seconds = null,
        [Description("Optional JSON object (at most 16 KiB) the booking takes unless confirm_hold sends its own.")] JsonElement? metadata = null,
        CancellationToken cancellationToken = default)
    {
        return answers.AnswerAsync(
            async () =>
            {
                var arguments = new ToolArguments();
                var request = new PlaceHoldRequest(arguments.Uuid(human_id, "human_id"), arguments.Instant(starts_at, "starts_at"), duration, ttl_seconds, metadata);
                await answers.ValidateAsync(request, arguments, cancellationToken);
                var hold = await mediator.Send(request.ToCommand(answers.OrganizationId), cancellationToken);
                var zone = (await mediator.Send(new GetHumanQuery(answers.OrganizationId, hold.HumanId), cancellationToken)).Timezone;
                return (Hold: hold, Zone: zone);
            },
            result => $"Held: {LocalTimes.Describe(result.Hold.StartsAt, result.Hold.EndsAt, result.Zone)} until " +
                $"{result.Hold.ExpiresAt.UtcDateTime:HH:mm:ss}Z. hold_id {result.Hold.Id}: confirm_hold to book it, release_hold to let it go.",
            result => result.Hold);
    }

    [McpServerTool(Name = "confirm_hold", Title = "Confirm a hold", ReadOnly = false, Idempotent = true, Destructive = false, OpenWorld = false)]
    [Description("Turns a hold into a confirmed booking of the same time, atomically (the time is never free in between), and sends booking.confirmed. The human's daily and weekly limits and the monthly quota apply here. Confirming an already confirmed hold answers the same booking again. An expired or released hold answers HOLD_EXPIRED: place a new hold or book.")]
    public Task<CallToolResult> ConfirmHold(
        [Description("The hold's id (UUID), from hold.")] string hold_id,
        [Description("Name of the person the meeting is with, 1 to 200 characters.")] string attendee_name,
        [Description("Optional email of the attendee.")] string? attendee_email = null,
        [Description("Optional JSON object (at most 16 KiB) for the booking, replacing the hold's metadata.")] JsonElement? metadata = null,
        CancellationToken cancellationToken = default)
    {
        return answers.AnswerAsync(
            async () =>
            {
                var arguments = new ToolArguments();
                var holdId = arguments.Uuid(hold_id, "hold_id");
                var request = new ConfirmHoldRequest(attendee_name, attendee_email, metadata);
                await answers.ValidateAsync(request, arguments, cancellationToken);
                var confirmed = await mediator.Send(request.ToCommand(answers.OrganizationId, holdId.GetValueOrDefault()), cancellationToken);
                var zone = (await mediator.Send(new GetHumanQuery(answers.OrganizationId, confirmed.Booking.HumanId), cancellationToken)).Timezone;
                return (confirmed.Booking, confirmed.Created, Zone: zone);
            },
            result => $"{(result.Created ? "Booked" : "Already booked from this hold")}: {result.Booking.AttendeeName}, " +
                $"{LocalTimes.Describe(result.Booking.StartsAt, result.Booking.EndsAt, result.Zone)}. booking_id {result.Booking.Id}.",
            result => result.Booking);
    }

    [McpServerTool(Name = "release_hold", Title = "Release a hold", ReadOnly = false, Idempotent = true, Destructive = true, OpenWorld = false)]
    [Description("Gives up a hold: its time is free for others at once. Releasing a released or expired hold changes nothing. A confirmed hold is a booking: use cancel_booking instead (HOLD_CONFIRMED).")]
    public Task<CallToolResult> ReleaseHold(
        [Description("The hold's id (UUID).")] string hold_id,
        CancellationToken cancellationToken = default)
    {
        return answers.AnswerAsync(
            async () => await mediator.Send(new ReleaseHoldCommand(answers.OrganizationId, ToolArguments.SingleUuid(hold_id, "hold_id")), cancellationToken),
            released => $"Hold {released.Id} is {released.Status}; its time is free.");
    }
}

using System.ComponentModel;
using System.Text.Json;
using Mediator;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Slotflow.Api.Contracts;
using Slotflow.Application.Bookings;
using Slotflow.Application.Bookings.BookFirstAvailable;
using Slotflow.Application.Bookings.CancelBooking;
using Slotflow.Application.Bookings.GetBooking;
using Slotflow.Application.Humans.GetHuman;
using Slotflow.Application.Humans.ListHumans;

namespace Slotflow.Api.Mcp;

/// <summary>Bookings: make one, move one, read them, cancel one.</summary>
[McpServerToolType]
public sealed class BookingTools(ToolAnswers answers, McpIdempotency idempotency, IMediator mediator)
{
    [McpServerTool(Name = "book", Title = "Book a meeting", ReadOnly = false, Idempotent = false, Destructive = false, OpenWorld = false)]
    [Description("Books a meeting with a human at starts_at for duration minutes, if that time is still free and within the human's rules. Take starts_at from find_slots. When any of several humans will do, pass human_ids instead of human_id: the booking goes to one of them who is free for the whole time (the one with the fewest bookings that week), and the answer's human_id says who. If the answer is the error SLOT_UNAVAILABLE, someone else booked that time first: call find_slots again and book the next slot (do not retry the same time). Pass idempotency_key (any unique string you choose) to make a retry after a timeout safe: the same key with the same arguments answers the first booking again instead of booking twice.")]
    public Task<CallToolResult> Book(
        [Description("Start, ISO 8601 with Z or an offset, e.g. 2026-03-16T13:00:00Z; a whole minute in the future, normally a starts_at from find_slots.")] string starts_at,
        [Description("Meeting length in minutes; one of the human's meeting_durations.")] int duration,
        [Description("Name of the person the meeting is with, 1 to 200 characters.")] string attendee_name,
        [Description("The human's id (UUID), from list_humans. Give this or human_ids, not both.")] string? human_id = null,
        [Description("Several humans' ids (1 to 20 UUIDs), when any of them will do: the booking goes to one who is free. Give this or human_id, not both.")] string[]? human_ids = null,
        [Description("Optional email of the attendee.")] string? attendee_email = null,
        [Description("Optional JSON object (at most 16 KiB) stored with the booking and sent in its webhooks, e.g. {\"crm_id\":\"D-42\"}.")] JsonElement? metadata = null,
        [Description("Optional key that makes retries safe (same semantics as the REST Idempotency-Key header, kept 24 hours).")] string? idempotency_key = null,
        CancellationToken cancellationToken = default)
    {
        return answers.AnswerAsync(
            async () =>
            {
                var arguments = new ToolArguments();
                var request = new CreateBookingRequest(
                    arguments.Uuid(human_id, "human_id"), arguments.Instant(starts_at, "starts_at"), duration, attendee_name, attendee_email, metadata,
                    arguments.Uuids(human_ids, "human_ids"));
                await answers.ValidateAsync(request, arguments, cancellationToken);
                var outcome = await idempotency.RunAsync(
                    answers.OrganizationId,
                    idempotency_key,
                    "book",
                    // human_ids only when given, so that a one-human call hashes as it did before human_ids existed
                    human_ids is null
                        ? new { human_id, starts_at, duration, attendee_name, attendee_email, metadata }
                        : new { human_id, human_ids, starts_at, duration, attendee_name, attendee_email, metadata },
                    async () => request.HumanIds is null
                        ? await mediator.Send(request.ToCommand(answers.OrganizationId), cancellationToken)
                        : await mediator.Send(request.ToPooledCommand(answers.OrganizationId), cancellationToken),
                    ToolAnswers.Render,
                    cancellationToken);
                var booking = outcome.Result ?? outcome.Replayed.GetValueOrDefault().Deserialize<BookingDto>(ToolAnswers.Json)!;
                var human = await mediator.Send(new GetHumanQuery(answers.OrganizationId, booking.HumanId), cancellationToken);
                return (Booking: booking, Human: human, Replayed: outcome.Replayed);
            },
            result => $"{(result.Replayed is null ? "Booked" : "Already booked with this idempotency_key")}: {result.Booking.AttendeeName}, " +
                $"{LocalTimes.Describe(result.Booking.StartsAt, result.Booking.EndsAt, result.Human.Timezone)}" +
                $"{(human_ids is null ? string.Empty : $", with {result.Human.Name} (human_id {result.Human.Id})")}. booking_id {result.Booking.Id}.",
            result => result.Replayed ?? JsonSerializer.SerializeToElement(result.Booking, ToolAnswers.Json));
    }

    [McpServerTool(Name = "book_first_available", Title = "Book the first free of several choices", ReadOnly = false, Idempotent = false, Destructive = false, OpenWorld = false)]
    [Description("Books the first of several candidates, in the order given, that can be booked now; each candidate is a human and a start, e.g. the user's first, second and third choice, with the same or different humans. The answer is the booking plus candidate_index, the position (from 0) of the candidate it took. If none can be booked, the error is SLOT_UNAVAILABLE with candidates (each one's own refusal code, such as SLOT_UNAVAILABLE, OUTSIDE_WORKING_HOURS or NOT_FOUND) and alternatives (the nearest free slots of these humans, with the human_ids free for each). Pass idempotency_key to make a retry after a timeout safe, as with book.")]
    public Task<CallToolResult> BookFirstAvailable(
        [Description("1 to 20 candidates in order of preference, each {\"human_id\": UUID, \"starts_at\": ISO 8601 instant}, e.g. [{\"human_id\":\"3f…\",\"starts_at\":\"2026-03-16T13:00:00Z\"}].")] BookingCandidateArgument?[] candidates,
        [Description("Meeting length in minutes; one of the humans' meeting_durations.")] int duration,
        [Description("Name of the person the meeting is with, 1 to 200 characters.")] string attendee_name,
        [Description("Optional email of the attendee.")] string? attendee_email = null,
        [Description("Optional JSON object (at most 16 KiB) stored with the booking and sent in its webhooks.")] JsonElement? metadata = null,
        [Description("Optional key that makes retries safe (same semantics as the REST Idempotency-Key header, kept 24 hours).")] string? idempotency_key = null,
        CancellationToken cancellationToken = default)
    {
        return answers.AnswerAsync(
            async () =>
            {
                var arguments = new ToolArguments();
                var request = new BookFirstAvailableRequest(
                    candidates is null ? null : [.. candidates.Select((c, i) => c is null ? null : c.ToRequest(arguments, $"candidates[{i}]"))],
                    duration, attendee_name, attendee_email, metadata);
                await answers.ValidateAsync(request, arguments, cancellationToken);
                var outcome = await idempotency.RunAsync(
                    answers.OrganizationId,
                    idempotency_key,
                    "book_first_available",
                    new { candidates, duration, attendee_name, attendee_email, metadata },
                    async () => await mediator.Send(request.ToCommand(answers.OrganizationId), cancellationToken),
                    ToolAnswers.Render,
                    cancellationToken);
                var booking = outcome.Result ?? outcome.Replayed.GetValueOrDefault().Deserialize<FirstAvailableBookingDto>(ToolAnswers.Json)!;
                var human = await mediator.Send(new GetHumanQuery(answers.OrganizationId, booking.HumanId), cancellationToken);
                return (Booking: booking, Human: human, Replayed: outcome.Replayed);
            },
            result => $"{(result.Replayed is null ? "Booked" : "Already booked with this idempotency_key")} candidate {result.Booking.CandidateIndex} " +
                $"with {result.Human.Name} (human_id {result.Human.Id}): {result.Booking.AttendeeName}, " +
                $"{LocalTimes.Describe(result.Booking.StartsAt, result.Booking.EndsAt, result.Human.Timezone)}. booking_id {result.Booking.Id}.",
            result => result.Replayed ?? JsonSerializer.SerializeToElement(result.Booking, ToolAnswers.Json));
    }

    [McpServerTool(Name = "reschedule", Title = "Move a booking", ReadOnly = false, Idempotent = true, Destructive = false, OpenWorld = false)]
    [Description("Moves a confirmed booking to a new start (and optionally a new duration) in one step: it keeps its booking_id, attendee and metadata, and it never loses its old time unless it gets the new one. The new time is judged by all of the human's rules as if this booking did not exist, so it may overlap its own old time. If the new time is refused, the error carries alternatives (the nearest bookable starts): reschedule to one of them. A cancelled booking answers BOOKING_CANCELLED. Sends a booking.rescheduled webhook; moving a booking to the time it already has changes nothing.")]
    public Task<CallToolResult> Reschedule(
        [Description("The booking's id (UUID).")] string booking_id,
        [Description("New start, ISO 8601 with Z or an offset, e.g. 2026-03-16T13:00:00Z; a whole minute in the future.")] string starts_at,
        [Description("Optional new length in minutes, one of the human's meeting_durations; the booking's own length when left out.")] int? duration = null,
        CancellationToken cancellationToken = default)
    {
        return answers.AnswerAsync(
            async () =>
            {
                var arguments = new ToolArguments();
                var bookingId = arguments.Uuid(booking_id, "booking_id");
                var request = new RescheduleBookingRequest(arguments.Instant(starts_at, "starts_at"), duration);
                await answers.ValidateAsync(request, arguments, cancellationToken);
                var booking = await mediator.Send(request.ToCommand(answers.OrganizationId, bookingId.GetValueOrDefault()), cancellationToken);
                var zone = (await mediator.Send(new GetHumanQuery(answers.OrganizationId, booking.HumanId), cancellationToken)).Timezone;
                return (Booking: booking, Zone: zone);
            },
            result => $"Rescheduled: {result.Booking.AttendeeName}, now {LocalTimes.Describe(result.Booking.StartsAt, result.Booking.EndsAt, result.Zone)}. booking_id {result.Booking.Id}.",
            result => result.Booking);
    }

    [McpServerTool(Name = "get_booking", Title = "Get a booking", ReadOnly = true, Idempotent = true, Destructive = false, OpenWorld = false)]
    [Description("Reads one booking: its human, start and end (UTC), attendee, status (confirmed or cancelled) and metadata.")]
    public Task<CallToolResult> GetBooking(
        [Description("The booking's id (UUID).")] string booking_id,
        CancellationToken cancellationToken = default)
    {
        return answers.AnswerAsync(
            async () =>
            {
                var booking = await mediator.Send(new GetBookingQuery(answers.OrganizationId, ToolArguments.SingleUuid(booking_id, "booking_id")), cancellationToken);
                return (Booking: booking, Zones: await ZonesAsync(cancellationToken));
            },
            result => Line(result.Booking, result.Zones),
            result => result.Booking);
    }

    [McpServerTool(Name = "list_bookings", Title = "List bookings", ReadOnly = true, Idempotent = true, Destructive = false, OpenWorld = false)]
    [Description("Lists bookings, newest start first, optionally of one human, one status, and starting within a range. date_from and date_to take a UTC date (YYYY-MM-DD, date_to includes its whole day) or an instant with Z or an offset. Pages with limit (1 to 100, default 50) and offset.")]
    public Task<CallToolResult> ListBookings(
        [Description("Only this human's bookings (UUID).")] string? human_id = null,
        [Description("\"confirmed\" or \"cancelled\".")] string? status = null,
        [Description("Bookings starting at or after this date or instant.")] string? date_from = null,
        [Description("Bookings starting on or before this date or instant.")] string? date_to = null,
        [Description("Page size, 1 to 100.")] int? limit = null,
        [Description("Bookings to skip, 0 or more.")] int? offset = null,
        CancellationToken cancellationToken = default)
    {
        var request = new ListBookingsRequest
        {
            HumanId = human_id,
            Status = status,
            DateFrom = date_from,
            DateTo = date_to,
            Limit = limit?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Offset = offset?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return answers.AnswerAsync(
            async () =>
            {
                await answers.ValidateAsync(request, new ToolArguments(), cancellationToken);
                var list = await mediator.Send(request.ToQuery(answers.OrganizationId), cancellationToken);
                return (List: list, Zones: await ZonesAsync(cancellationToken));
            },
            result => result.List.Total == 0
                ? "No bookings match."
                : $"{result.List.Bookings.Count} of {result.List.Total} booking(s):\n" + string.Join('\n', result.List.Bookings.Select(b => "- " + Line(b, result.Zones))),
            result => result.List);
    }

    [McpServerTool(Name = "cancel_booking", Title = "Cancel a booking", ReadOnly = false, Idempotent = true, Destructive = true, OpenWorld = false)]
    [Description("Cancels a booking: its time becomes free for others and a booking.cancelled webhook is sent. Cancelling a cancelled booking changes nothing. It cannot be undone; book again if needed.")]
    public Task<CallToolResult> CancelBooking(
        [Description("The booking's id (UUID).")] string booking_id,
        CancellationToken cancellationToken = default)
    {
        return answers.AnswerAsync(
            async () => await mediator.Send(new CancelBookingCommand(answers.OrganizationId, ToolArguments.SingleUuid(booking_id, "booking_id")), cancellationToken),
            cancelled => $"Booking {cancelled.Id} is {cancelled.Status}.");
    }

    /// <summary>Each active human's time zone, to show bookings in their human's local time (UTC for a deleted human).</summary>
    private async Task<IReadOnlyDictionary<Guid, string>> ZonesAsync(CancellationToken cancellationToken) =>
        (await mediator.Send(new ListHumansQuery(answers.OrganizationId), cancellationToken)).Humans.ToDictionary(h => h.Id, h => h.Timezone);

    private static string Line(BookingDto booking, IReadOnlyDictionary<Guid, string> zones) =>
        $"{booking.Status} {LocalTimes.Describe(booking.StartsAt, booking.EndsAt, zones.GetValueOrDefault(booking.HumanId, "UTC"))} with {booking.AttendeeName}, booking_id {booking.Id}, human_id {booking.HumanId}";
}

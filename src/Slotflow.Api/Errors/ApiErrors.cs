using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Slotflow.Api.Operations;
using Slotflow.Domain.Common;
using Slotflow.Domain.Scheduling;
using Slotflow.Infrastructure.Authentication;

namespace Slotflow.Api.Errors;

/// <summary>The only place that pairs error codes with HTTP statuses and writes the envelope.</summary>
public static class ApiErrors
{
    public const string ValidationError = "VALIDATION_ERROR";

    public static (int Status, string Code) For(ErrorCode code) => code switch
    {
        ErrorCode.ValidationError => (StatusCodes.Status422UnprocessableEntity, ValidationError),
        ErrorCode.NotFound => (StatusCodes.Status404NotFound, "NOT_FOUND"),
        ErrorCode.LimitReached => (StatusCodes.Status402PaymentRequired, "LIMIT_REACHED"),
        ErrorCode.SlotUnavailable => (StatusCodes.Status409Conflict, "SLOT_UNAVAILABLE"),
        ErrorCode.InvalidDuration => (StatusCodes.Status422UnprocessableEntity, "INVALID_DURATION"),
        ErrorCode.OutsideWorkingHours => (StatusCodes.Status422UnprocessableEntity, "OUTSIDE_WORKING_HOURS"),
        ErrorCode.ScheduleBlocked => (StatusCodes.Status422UnprocessableEntity, "SCHEDULE_BLOCKED"),
        ErrorCode.NoticeTooShort => (StatusCodes.Status422UnprocessableEntity, "NOTICE_TOO_SHORT"),
        ErrorCode.BeyondHorizon => (StatusCodes.Status422UnprocessableEntity, "BEYOND_HORIZON"),
        ErrorCode.BookingCancelled => (StatusCodes.Status409Conflict, "BOOKING_CANCELLED"),
        ErrorCode.HoldExpired => (StatusCodes.Status409Conflict, "HOLD_EXPIRED"),
        ErrorCode.HoldConfirmed => (StatusCodes.Status409Conflict, "HOLD_CONFIRMED"),
        ErrorCode.DailyBookingLimitReached or ErrorCode.WeeklyBookingLimitReached => (StatusCodes.Status422UnprocessableEntity, "BOOKING_LIMIT_REACHED"),
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Unmapped error code."),
    };

    /// <summary>The body of a domain refusal, with alternatives and the conflict when it carries them (spec §11.3).</summary>
    public static ErrorBody Body(DomainException refusal)
    {
        var (status, code) = For(refusal.Code);
        return refusal switch
        {
            IntervalRefusedException interval => new ErrorBody(
                code, refusal.Message, status, null,
                [.. interval.Alternatives.Select(a => new AlternativeSlot(a.Start, a.End))],
                Conflicting(interval.Conflict)),
            PoolRefusedException pool => new ErrorBody(
                code, refusal.Message, status, null,
                [.. pool.Alternatives.Select(a => new AlternativeSlot(a.Slot.Start, a.Slot.End, a.HumanIds))],
                Conflicting(pool.Conflict),
                pool.Candidates?.Select(c => new RefusedCandidate(c.HumanId, c.StartsAt, For(c.Code).Code)).ToList()),
            _ => new ErrorBody(code, refusal.Message, status),
        };
    }

    private static ConflictingTime? Conflicting(TakenTime? taken) =>
        taken is { } c ? new ConflictingTime(c.Held ? "hold" : "booking", c.Interval.Start, c.Interval.End) : null;

    /// <summary>An error for a bare status that the framework produced (no route, wrong method, no key, …).</summary>
    public static ErrorBody ForStatus(HttpContext context, int status) => status switch
    {
        StatusCodes.Status401Unauthorized when AdminKeyAuthenticationHandler.IsAdminRequest(context.Request) =>
            new("UNAUTHORIZED", "A valid admin key is required: Authorization: Bearer <admin key>.", status),
        StatusCodes.Status401Unauthorized => new("UNAUTHORIZED", "A valid API key is required: Authorization: Bearer sk_live_….", status),
        StatusCodes.Status404NotFound => new("NOT_FOUND", "No such resource.", status),
        StatusCodes.Status405MethodNotAllowed => new("METHOD_NOT_ALLOWED", "This method is not allowed on this path.", status),
        StatusCodes.Status413PayloadTooLarge => new("PAYLOAD_TOO_LARGE", "The request body is too large.", status),
        StatusCodes.Status414UriTooLong => new(
            "URI_TOO_LONG",
            $"The request line is too long: method, path and query may take {RequestHeadLimitsMiddleware.MaxRequestLineBytes} bytes in all.",
            status),
        StatusCodes.Status431RequestHeaderFieldsTooLarge => new(
            "HEADERS_TOO_LARGE",
            $"The request headers are too large: at most {RequestHeadLimitsMiddleware.MaxHeaderCount} of them, {RequestHeadLimitsMiddleware.MaxHeaderBytes} bytes in all.",
            status),
        >= 500 => new("INTERNAL_ERROR", $"An unexpected error occurred. Request id: {context.TraceIdentifier}.", status),
        // The public SDKs know only 401, 402, 404, 409 and 422: any other client error is a request we could not read.
        _ => new(ValidationError, "The request could not be read; send a JSON body with Content-Type: application/json.", StatusCodes.Status422UnprocessableEntity),
    };

    public static ErrorBody IdempotencyKeyReused() => new(
        "IDEMPOTENCY_KEY_REUSED",
        "This Idempotency-Key was already used with a different request.",
        StatusCodes.Status422UnprocessableEntity);

    public static ErrorBody InvalidIdempotencyKey() => new(
        ValidationError,
        "Idempotency-Key must be 1 to 255 printable ASCII characters.",
        StatusCodes.Status422UnprocessableEntity,
        [new FieldError("Idempotency-Key", "Idempotency-Key must be 1 to 255 printable ASCII characters.")]);

    public static Task WriteAsync(HttpContext context, ErrorBody error)
    {
        context.Response.StatusCode = error.Status;
        var json = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        return context.Response.WriteAsJsonAsync(new ErrorEnvelope(error), json, context.RequestAborted);
    }
}

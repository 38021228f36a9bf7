using System.Text;
using System.Text.Json;
using FluentValidation;
using Slotflow.Domain.Bookings;
using Slotflow.Domain.Common;
using Slotflow.Domain.Humans;
using Slotflow.Domain.Scheduling;

namespace Slotflow.Api.Validation;

/// <summary>The shape of a time to book, its attendee and its metadata, shared by bookings, holds and reschedules.</summary>
public static class BookingTimeRules
{
    /// <summary>Slot dates run to 2999-12-31 local, whose instants can fall in 3000: every listed slot stays bookable.</summary>
    public const int LastYear = 3000;

    /// <summary>starts_at: required, a whole minute, in the future, and not past <see cref="LastYear"/>.</summary>
    public static IRuleBuilderOptions<T, DateTimeOffset?> BookableStart<T>(this IRuleBuilder<T, DateTimeOffset?> rule, TimeProvider clock) =>
        rule
            .NotNull().WithMessage("starts_at is required.")
            .Must(s => s is { } at && at.UtcTicks % TimeSpan.TicksPerMinute == 0).WithMessage("starts_at must be a whole minute.")
            .Must(s => s > clock.GetUtcNow()).WithMessage("starts_at must be in the future.")
            .Must(s => s is { } at && at.UtcDateTime.Year <= LastYear).WithMessage($"starts_at must be in the year {LastYear} or earlier.");

    /// <summary>human_id: required, a UUID other than the empty one.</summary>
    public static IRuleBuilderOptions<T, Guid?> RequiredHumanId<T>(this IRuleBuilder<T, Guid?> rule) =>
        rule
            .NotNull().WithMessage("human_id is required.")
            .NotEqual(Guid.Empty).WithMessage("human_id must be a UUID.");

    /// <summary>human_ids: 1 to <see cref="SlotPool.MaxHumans"/> distinct UUIDs other than the empty one.</summary>
    public static IRuleBuilderOptions<T, IReadOnlyList<Guid>> HumanPool<T>(this IRuleBuilder<T, IReadOnlyList<Guid>> rule) =>
        rule
            .Must(ids => ids.Count is >= 1 and <= SlotPool.MaxHumans).WithMessage($"human_ids must name 1 to {SlotPool.MaxHumans} humans.")
            .Must(ids => !ids.Contains(Guid.Empty)).WithMessage("human_ids must be UUIDs.")
            .Must(ids => ids.Distinct().Count() == ids.Count).WithMessage("human_ids must not name a human twice.");

    /// <summary>duration: required, and positive.</summary>
    public static IRuleBuilderOptions<T, int?> RequiredDuration<T>(this IRuleBuilder<T, int?> rule) =>
        rule.NotNull().WithMessage("duration is required.").PositiveDuration();

    /// <summary>duration: a positive number of minutes (whether the human allows it is the engine's INVALID_DURATION).</summary>
    public static IRuleBuilderOptions<T, int?> PositiveDuration<T>(this IRuleBuilder<T, int?> rule) =>
        rule.GreaterThan(0).WithMessage("duration must be a positive whole number of minutes.");

    /// <summary>metadata, when sent: a JSON object (or null) of at most 16 KiB serialised.</summary>
    public static IRuleBuilderOptions<T, JsonElement?> MetadataObject<T>(this IRuleBuilder<T, JsonElement?> rule) =>
        rule
            .Must(m => m is null or { ValueKind: JsonValueKind.Object or JsonValueKind.Null }).WithMessage("metadata must be a JSON object.")
            .Must(m => m is not { } json || Encoding.UTF8.GetByteCount(json.GetRawText()) <= Booking.MaxMetadataBytes)
            .WithMessage("metadata must be at most 16 KiB serialised.");

    /// <summary>attendee_name: required, readable, 1 to 200 characters.</summary>
    public static IRuleBuilderOptions<T, string?> AttendeeName<T>(this IRuleBuilder<T, string?> rule) =>
        rule
            .NotNull().WithMessage("attendee_name is required.")
            .Must(Booking.IsValidAttendeeName)
            .WithMessage(ReadableText.Message("attendee_name", Booking.MaxAttendeeNameLength));

    /// <summary>attendee_email, when sent: one plain address.</summary>
    public static IRuleBuilderOptions<T, string?> AttendeeEmail<T>(this IRuleBuilder<T, string?> rule) =>
        rule
            .Must(e => e is null || Human.IsValidEmail(e))
            .WithMessage($"attendee_email must be a valid email address of at most {Human.MaxEmailLength} characters.");
}

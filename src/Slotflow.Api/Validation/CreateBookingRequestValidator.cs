using System.Text;
using System.Text.Json;
using FluentValidation;
using Slotflow.Api.Contracts;
using Slotflow.Domain.Bookings;
using Slotflow.Domain.Common;
using Slotflow.Domain.Humans;

namespace Slotflow.Api.Validation;

public sealed class CreateBookingRequestValidator : AbstractValidator<CreateBookingRequest>
{
    /// <summary>Slot dates run to 2999-12-31 local, whose instants can fall in 3000: every listed slot stays bookable.</summary>
    public const int LastYear = 3000;

    public CreateBookingRequestValidator(TimeProvider clock)
    {
        RuleLevelCascadeMode = CascadeMode.Stop;

        RuleFor(c => c.HumanId)
            .NotNull().WithMessage("human_id is required.")
            .NotEqual(Guid.Empty).WithMessage("human_id must be a UUID.");

        RuleFor(c => c.StartsAt)
            .NotNull().WithMessage("starts_at is required.")
            .Must(s => s is { } at && at.UtcTicks % TimeSpan.TicksPerMinute == 0).WithMessage("starts_at must be a whole minute.")
            .Must(s => s > clock.GetUtcNow()).WithMessage("starts_at must be in the future.")
            .Must(s => s is { } at && at.UtcDateTime.Year <= LastYear).WithMessage($"starts_at must be in the year {LastYear} or earlier.");

        RuleFor(c => c.Duration)
            .NotNull().WithMessage("duration is required.")
            .GreaterThan(0).WithMessage("duration must be a positive whole number of minutes.");

        RuleFor(c => c.AttendeeName)
            .NotNull().WithMessage("attendee_name is required.")
            .Must(Booking.IsValidAttendeeName)
            .WithMessage(ReadableText.Message("attendee_name", Booking.MaxAttendeeNameLength));

        RuleFor(c => c.AttendeeEmail)
            .Must(Human.IsValidEmail).When(c => c.AttendeeEmail is not null)
            .WithMessage($"attendee_email must be a valid email address of at most {Human.MaxEmailLength} characters.");

        RuleFor(c => c.Metadata)
            .Must(m => m is { ValueKind: JsonValueKind.Object or JsonValueKind.Null }).WithMessage("metadata must be a JSON object.")
            .Must(m => m is { } json && Encoding.UTF8.GetByteCount(json.GetRawText()) <= Booking.MaxMetadataBytes)
            .WithMessage("metadata must be at most 16 KiB serialised.")
            .When(c => c.Metadata is not null);
    }
}

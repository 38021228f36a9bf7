using System.Text;
using System.Text.Json;
using FluentValidation;
using Slotflow.Domain.Bookings;
using Slotflow.Domain.Humans;

namespace Slotflow.Application.Bookings.CreateBooking;

public sealed class CreateBookingCommandValidator : AbstractValidator<CreateBookingCommand>
{
    /// <summary>Longer than any meeting can be: a larger value is malformed, a smaller one not offered is INVALID_DURATION.</summary>
    public const int MaxDurationMinutes = 24 * 60;

    public const int MaxYearsAhead = 10;

    public CreateBookingCommandValidator(TimeProvider clock)
    {
        RuleLevelCascadeMode = CascadeMode.Stop;

        RuleFor(c => c.HumanId)
            .NotNull().WithMessage("human_id is required.")
            .NotEqual(Guid.Empty).WithMessage("human_id must be a UUID.");

        RuleFor(c => c.StartsAt)
            .NotNull().WithMessage("starts_at is required.")
            .Must(s => s!.Value.UtcTicks % TimeSpan.TicksPerMinute == 0).WithMessage("starts_at must be a whole minute.")
            .Must(s => s!.Value > clock.GetUtcNow()).WithMessage("starts_at must be in the future.")
            .Must(s => s!.Value < clock.GetUtcNow().AddYears(MaxYearsAhead)).WithMessage($"starts_at must be within {MaxYearsAhead} years from now.");

        RuleFor(c => c.Duration)
            .NotNull().WithMessage("duration is required.")
            .InclusiveBetween(1, MaxDurationMinutes).WithMessage($"duration must be a whole number of minutes from 1 to {MaxDurationMinutes}.");

        RuleFor(c => c.AttendeeName)
            .NotNull().WithMessage("attendee_name is required.")
            .Must(n => !string.IsNullOrWhiteSpace(n) && n.Length <= Booking.MaxAttendeeNameLength)
            .WithMessage($"attendee_name must be 1 to {Booking.MaxAttendeeNameLength} characters and not blank.");

        RuleFor(c => c.AttendeeEmail)
            .Must(Human.IsValidEmail).When(c => c.AttendeeEmail is not null)
            .WithMessage($"attendee_email must be a valid email address of at most {Human.MaxEmailLength} characters.");

        RuleFor(c => c.Metadata)
            .Must(m => m!.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Null).WithMessage("metadata must be a JSON object.")
            .Must(m => Encoding.UTF8.GetByteCount(m!.Value.GetRawText()) <= Booking.MaxMetadataBytes).WithMessage("metadata must be at most 16 KiB serialised.")
            .When(c => c.Metadata is not null);
    }
}

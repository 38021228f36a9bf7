using FluentValidation;
using Slotflow.Api.Contracts;
using Slotflow.Domain.Bookings;
using Slotflow.Domain.Common;
using Slotflow.Domain.Humans;

namespace Slotflow.Api.Validation;

public sealed class CreateBookingRequestValidator : AbstractValidator<CreateBookingRequest>
{
    public CreateBookingRequestValidator(TimeProvider clock)
    {
        RuleLevelCascadeMode = CascadeMode.Stop;

        RuleFor(c => c.HumanId)
            .NotNull().WithMessage("human_id is required.")
            .NotEqual(Guid.Empty).WithMessage("human_id must be a UUID.");

        RuleFor(c => c.StartsAt).BookableStart(clock);

        RuleFor(c => c.Duration)
            .NotNull().WithMessage("duration is required.")
            .PositiveDuration();

        RuleFor(c => c.AttendeeName)
            .NotNull().WithMessage("attendee_name is required.")
            .Must(Booking.IsValidAttendeeName)
            .WithMessage(ReadableText.Message("attendee_name", Booking.MaxAttendeeNameLength));

        RuleFor(c => c.AttendeeEmail)
            .Must(Human.IsValidEmail).When(c => c.AttendeeEmail is not null)
            .WithMessage($"attendee_email must be a valid email address of at most {Human.MaxEmailLength} characters.");

        RuleFor(c => c.Metadata).MetadataObject();
    }
}

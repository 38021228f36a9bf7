using FluentValidation;
using Slotflow.Api.Contracts;

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

        RuleFor(c => c.AttendeeName).AttendeeName();

        RuleFor(c => c.AttendeeEmail).AttendeeEmail();

        RuleFor(c => c.Metadata).MetadataObject();
    }
}

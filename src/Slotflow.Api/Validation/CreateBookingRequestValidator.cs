using FluentValidation;
using Slotflow.Api.Contracts;

namespace Slotflow.Api.Validation;

public sealed class CreateBookingRequestValidator : AbstractValidator<CreateBookingRequest>
{
    public CreateBookingRequestValidator(TimeProvider clock)
    {
        RuleLevelCascadeMode = CascadeMode.Stop;

        RuleFor(c => c.HumanId).RequiredHumanId();

        RuleFor(c => c.StartsAt).BookableStart(clock);

        RuleFor(c => c.Duration).RequiredDuration();

        RuleFor(c => c.AttendeeName).AttendeeName();

        RuleFor(c => c.AttendeeEmail).AttendeeEmail();

        RuleFor(c => c.Metadata).MetadataObject();
    }
}

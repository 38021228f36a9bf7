using FluentValidation;
using Slotflow.Api.Contracts;

namespace Slotflow.Api.Validation;

public sealed class RescheduleBookingRequestValidator : AbstractValidator<RescheduleBookingRequest>
{
    public RescheduleBookingRequestValidator(TimeProvider clock)
    {
        RuleLevelCascadeMode = CascadeMode.Stop;

        RuleFor(c => c.StartsAt).BookableStart(clock);

        RuleFor(c => c.Duration).PositiveDuration().When(c => c.Duration is not null);
    }
}

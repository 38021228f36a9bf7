using FluentValidation;
using Slotflow.Api.Contracts;

namespace Slotflow.Api.Validation;

public sealed class CreateBookingRequestValidator : AbstractValidator<CreateBookingRequest>
{
    public CreateBookingRequestValidator(TimeProvider clock)
    {
        RuleLevelCascadeMode = CascadeMode.Stop;

        RuleFor(c => c.HumanId).RequiredHumanId().When(c => c.HumanIds is null);

        RuleFor(c => c.HumanIds)
            .Null().WithMessage("Send human_id or human_ids, not both.").When(c => c.HumanId is not null);

        RuleFor(c => c.HumanIds!).HumanPool().When(c => c.HumanIds is not null && c.HumanId is null);

        RuleFor(c => c.StartsAt).BookableStart(clock);

        RuleFor(c => c.Duration).RequiredDuration();

        RuleFor(c => c.AttendeeName).AttendeeName();

        RuleFor(c => c.AttendeeEmail).AttendeeEmail();

        RuleFor(c => c.Metadata).MetadataObject();
    }
}

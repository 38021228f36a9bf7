using FluentValidation;
using Slotflow.Api.Contracts;
using Slotflow.Domain.Common;
using Slotflow.Domain.Humans;

namespace Slotflow.Api.Validation;

public sealed class CreateHumanRequestValidator : AbstractValidator<CreateHumanRequest>
{
    public CreateHumanRequestValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;

        RuleFor(c => c.Name)
            .NotNull().WithMessage("name is required.")
            .Must(Human.IsValidName).WithMessage(ReadableText.Message("name", Human.MaxNameLength));

        RuleFor(c => c.Timezone)
            .NotEmpty().WithMessage("timezone is required.")
            .Must(IanaTimeZone.IsValid).WithMessage("timezone must be a valid IANA time zone id, such as America/New_York.");

        RuleFor(c => c.Email)
            .Must(Human.IsValidEmail).WithMessage($"email must be a valid email address of at most {Human.MaxEmailLength} characters.")
            .When(c => c.Email is not null);

        RuleFor(c => c.Role).Must(Human.IsValidRole).WithMessage(ReadableText.Message("role", Human.MaxRoleLength));
    }
}

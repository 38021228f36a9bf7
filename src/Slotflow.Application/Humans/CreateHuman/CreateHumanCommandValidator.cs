using FluentValidation;
using Slotflow.Domain.Humans;

namespace Slotflow.Application.Humans.CreateHuman;

public sealed class CreateHumanCommandValidator : AbstractValidator<CreateHumanCommand>
{
    public CreateHumanCommandValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;

        RuleFor(c => c.Name)
            .NotNull().WithMessage("name is required.")
            .Must(Human.IsValidName).WithMessage($"name must be 1 to {Human.MaxNameLength} characters and not blank.");

        RuleFor(c => c.Timezone)
            .NotEmpty().WithMessage("timezone is required.")
            .Must(IanaTimeZone.IsValid).WithMessage("timezone must be a valid IANA time zone id, such as America/New_York.");

        RuleFor(c => c.Email)
            .Must(Human.IsValidEmail).WithMessage($"email must be a valid email address of at most {Human.MaxEmailLength} characters.")
            .When(c => c.Email is not null);

        RuleFor(c => c.Role).MaximumLength(Human.MaxRoleLength).WithMessage($"role must be at most {Human.MaxRoleLength} characters.");
    }
}

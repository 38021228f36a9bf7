using FluentValidation;
using Slotflow.Domain.Organizations;

namespace Slotflow.Application.Organizations.CreateOrganization;

public sealed class CreateOrganizationCommandValidator : AbstractValidator<CreateOrganizationCommand>
{
    public CreateOrganizationCommandValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;

        RuleFor(c => c.Name)
            .NotEmpty().WithMessage("name is required.")
            .Must(n => !string.IsNullOrWhiteSpace(n) && n.Length <= Organization.MaxNameLength)
            .WithMessage($"name must be 1 to {Organization.MaxNameLength} characters and not blank.");

        RuleFor(c => c.Plan)
            .Must(p => PlanNames.TryParse(p, out _))
            .WithMessage($"plan must be one of: {string.Join(", ", PlanNames.All)}.");

        RuleFor(c => c.AutoPurchase)
            .Must((command, autoPurchase) => !autoPurchase || !PlanNames.TryParse(command.Plan, out var plan) || PlanLimits.For(plan).AllowsOverage)
            .WithMessage("auto_purchase is only available on paid plans (starter, growth).");
    }
}

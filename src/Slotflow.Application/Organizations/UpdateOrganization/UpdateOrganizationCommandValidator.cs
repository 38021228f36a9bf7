using FluentValidation;
using Slotflow.Domain.Organizations;

namespace Slotflow.Application.Organizations.UpdateOrganization;

/// <summary>
/// The creation rules for the fields sent. auto_purchase=true with no plan is checked against the current plan by
/// the aggregate (also a 422 naming auto_purchase).
/// </summary>
public sealed class UpdateOrganizationCommandValidator : AbstractValidator<UpdateOrganizationCommand>
{
    public UpdateOrganizationCommandValidator()
    {
        RuleFor(c => c.Plan)
            .Must(p => PlanNames.TryParse(p, out _)).When(c => c.Plan is not null)
            .WithMessage($"plan must be one of: {string.Join(", ", PlanNames.All)}.");

        RuleFor(c => c.AutoPurchase)
            .Must((command, autoPurchase) => autoPurchase != true || !PlanNames.TryParse(command.Plan, out var plan) || PlanLimits.For(plan).AllowsOverage)
            .WithMessage("auto_purchase is only available on paid plans (starter, growth).");
    }
}

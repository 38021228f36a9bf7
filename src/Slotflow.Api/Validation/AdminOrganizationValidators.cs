using FluentValidation;
using Slotflow.Api.Contracts;
using Slotflow.Application.Organizations;
using Slotflow.Domain.Organizations;

namespace Slotflow.Api.Validation;

public sealed class AdminCreateOrganizationRequestValidator : AbstractValidator<AdminCreateOrganizationRequest>
{
    public AdminCreateOrganizationRequestValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;

        RuleFor(c => c.Name)
            .NotEmpty().WithMessage("name is required.")
            .Must(n => !string.IsNullOrWhiteSpace(n) && n.Length <= Organization.MaxNameLength)
            .WithMessage($"name must be 1 to {Organization.MaxNameLength} characters and not blank.");

        RuleFor(c => c.Plan).Must(p => PlanNames.TryParse(p, out _)).WithMessage(PlanMessage);

        RuleFor(c => c.AutoPurchase)
            .Must((request, autoPurchase) => autoPurchase != true || AllowsOverageOrUnknown(request.Plan))
            .WithMessage(AutoPurchaseMessage);
    }

    internal static readonly string PlanMessage = $"plan must be one of: {string.Join(", ", PlanNames.All)}.";

    internal const string AutoPurchaseMessage = "auto_purchase is only available on paid plans (starter, growth).";

    /// <summary>An unknown plan is reported by the plan's own rule, not again here.</summary>
    internal static bool AllowsOverageOrUnknown(string? plan) => !PlanNames.TryParse(plan, out var known) || PlanLimits.For(known).AllowsOverage;
}

/// <summary>
/// The creation rules for the fields sent. auto_purchase=true with no plan is checked against the current plan by
/// the aggregate (also a 422 naming auto_purchase).
/// </summary>
public sealed class AdminUpdateOrganizationRequestValidator : AbstractValidator<AdminUpdateOrganizationRequest>
{
    public AdminUpdateOrganizationRequestValidator()
    {
        RuleFor(c => c.Plan)
            .Must(p => PlanNames.TryParse(p, out _)).When(c => c.Plan is not null)
            .WithMessage(AdminCreateOrganizationRequestValidator.PlanMessage);

        RuleFor(c => c.AutoPurchase)
            .Must((request, autoPurchase) => autoPurchase != true || AdminCreateOrganizationRequestValidator.AllowsOverageOrUnknown(request.Plan))
            .WithMessage(AdminCreateOrganizationRequestValidator.AutoPurchaseMessage);
    }
}

public sealed class AdminCreateApiKeyRequestValidator : AbstractValidator<AdminCreateApiKeyRequest>
{
    public const int MaxNameLength = 200;

    public AdminCreateApiKeyRequestValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;

        RuleFor(c => c.Name)
            .NotEmpty().WithMessage("name is required.")
            .Must(n => !string.IsNullOrWhiteSpace(n) && n.Length <= MaxNameLength)
            .WithMessage($"name must be 1 to {MaxNameLength} characters and not blank.");
    }
}

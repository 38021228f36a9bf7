using FluentValidation;

namespace Slotflow.Application.Organizations.ListOrganizations;

public sealed class ListOrganizationsQueryValidator : AbstractValidator<ListOrganizationsQuery>
{
    public ListOrganizationsQueryValidator()
    {
        RuleFor(q => q.Limit).Must(PageParameters.IsValidLimit)
            .WithMessage($"limit must be a whole number from 1 to {PageParameters.MaxLimit}.");
        RuleFor(q => q.Offset).Must(PageParameters.IsValidOffset)
            .WithMessage("offset must be a whole number, 0 or more.");
    }
}

using FluentValidation;
using Slotflow.Application.Common;

namespace Slotflow.Application.Organizations.ListOrganizations;

public sealed class ListOrganizationsQueryValidator : AbstractValidator<ListOrganizationsQuery>
{
    public ListOrganizationsQueryValidator()
    {
        RuleFor(q => q.Limit).Must(Paging.IsValidLimit).When(q => q.Limit is not null).WithMessage(Paging.LimitMessage);
        RuleFor(q => q.Offset).Must(Paging.IsValidOffset).When(q => q.Offset is not null).WithMessage(Paging.OffsetMessage);
    }
}

using FluentValidation;
using Slotflow.Api.Contracts;
using Slotflow.Api.Wire;

namespace Slotflow.Api.Validation;

public sealed class ListOrganizationsRequestValidator : AbstractValidator<ListOrganizationsRequest>
{
    public ListOrganizationsRequestValidator() => Include(new PageRequestValidator(Paging.MaxLimit));
}

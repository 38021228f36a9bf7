using FluentValidation;
using Slotflow.Api.Contracts;
using Slotflow.Api.Wire;

namespace Slotflow.Api.Validation;

public sealed class ListDeliveriesRequestValidator : AbstractValidator<ListDeliveriesRequest>
{
    public ListDeliveriesRequestValidator()
    {
        RuleFor(q => q.Status).Must(s => s is not null && ListDeliveriesRequest.Statuses.ContainsKey(s)).When(q => q.Status is not null)
            .WithMessage("status must be \"pending\", \"delivered\" or \"failed\".");
        Include(new PageRequestValidator(Paging.MaxLimit));
    }
}

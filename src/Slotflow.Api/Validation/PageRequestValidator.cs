using FluentValidation;
using Slotflow.Api.Contracts;
using Slotflow.Api.Wire;

namespace Slotflow.Api.Validation;

/// <summary>The limit and offset rules every list shares, included by each list's validator with its own largest page.</summary>
internal sealed class PageRequestValidator : AbstractValidator<PageRequest>
{
    public PageRequestValidator(int maxLimit)
    {
        RuleFor(q => q.Limit).Must(l => Paging.IsValidLimitUpTo(l, maxLimit)).When(q => q.Limit is not null)
            .WithMessage(Paging.LimitMessageUpTo(maxLimit));
        RuleFor(q => q.Offset).Must(Paging.IsValidOffset).When(q => q.Offset is not null).WithMessage(Paging.OffsetMessage);
    }
}

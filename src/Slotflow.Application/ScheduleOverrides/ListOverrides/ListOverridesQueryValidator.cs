using FluentValidation;
using Slotflow.Application.Common;
using Slotflow.Domain.Humans;

namespace Slotflow.Application.ScheduleOverrides.ListOverrides;

public sealed class ListOverridesQueryValidator : AbstractValidator<ListOverridesQuery>
{
    public ListOverridesQueryValidator()
    {
        RuleFor(q => q.Limit).Must(l => Paging.IsValidLimitUpTo(l, Human.MaxOverrides)).When(q => q.Limit is not null)
            .WithMessage(Paging.LimitMessageUpTo(Human.MaxOverrides));
        RuleFor(q => q.Offset).Must(Paging.IsValidOffset).When(q => q.Offset is not null).WithMessage(Paging.OffsetMessage);
    }
}

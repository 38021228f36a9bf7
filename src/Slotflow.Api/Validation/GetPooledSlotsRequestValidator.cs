using FluentValidation;
using Slotflow.Api.Contracts;
using Slotflow.Domain.Scheduling;

namespace Slotflow.Api.Validation;

public sealed class GetPooledSlotsRequestValidator : AbstractValidator<GetPooledSlotsRequest>
{
    public GetPooledSlotsRequestValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;

        RuleFor(q => q.Ids())
            .Must(ids => ids.Count > 0).WithMessage("human_ids is required: 1 to 20 UUIDs, comma-separated.")
            .Must(ids => ids.All(id => id is { } guid && guid != Guid.Empty)).WithMessage("human_ids must be UUIDs, comma-separated.")
            .Must(ids => ids.Count <= SlotPool.MaxHumans).WithMessage($"human_ids must name at most {SlotPool.MaxHumans} humans.")
            .Must(ids => ids.Distinct().Count() == ids.Count).WithMessage("human_ids must not name a human twice.")
            .OverridePropertyName("human_ids");

        Include(new GetSlotsRequestValidator());
    }
}

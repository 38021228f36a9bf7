using FluentValidation;
using Slotflow.Api.Contracts;
using Slotflow.Domain.Humans;

namespace Slotflow.Api.Validation;

public sealed class ListOverridesRequestValidator : AbstractValidator<ListOverridesRequest>
{
    public ListOverridesRequestValidator() => Include(new PageRequestValidator(Human.MaxOverrides));
}

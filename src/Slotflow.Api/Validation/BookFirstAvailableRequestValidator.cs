using FluentValidation;
using Slotflow.Api.Contracts;
using Slotflow.Domain.Scheduling;

namespace Slotflow.Api.Validation;

public sealed class BookFirstAvailableRequestValidator : AbstractValidator<BookFirstAvailableRequest>
{
    public BookFirstAvailableRequestValidator(TimeProvider clock)
    {
        RuleLevelCascadeMode = CascadeMode.Stop;

        RuleFor(c => c.Candidates)
            .NotNull().WithMessage("candidates is required.")
            .Must(c => c!.Count is >= 1 and <= SlotPool.MaxHumans).WithMessage($"candidates must hold 1 to {SlotPool.MaxHumans} candidates.");

        RuleForEach(c => c.Candidates)
            .NotNull().WithMessage("Each candidate must be an object with human_id and starts_at.")
            .ChildRules(candidate =>
            {
                candidate.RuleFor(c => c!.HumanId).RequiredHumanId();
                candidate.RuleFor(c => c!.StartsAt).BookableStart(clock);
            })
            .When(c => c.Candidates is { Count: <= SlotPool.MaxHumans });

        RuleFor(c => c.Duration).RequiredDuration();

        RuleFor(c => c.AttendeeName).AttendeeName();

        RuleFor(c => c.AttendeeEmail).AttendeeEmail();

        RuleFor(c => c.Metadata).MetadataObject();
    }
}

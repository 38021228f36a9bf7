using FluentValidation;
using Slotflow.Api.Contracts;
using Slotflow.Domain.Holds;

namespace Slotflow.Api.Validation;

public sealed class PlaceHoldRequestValidator : AbstractValidator<PlaceHoldRequest>
{
    public PlaceHoldRequestValidator(TimeProvider clock)
    {
        RuleLevelCascadeMode = CascadeMode.Stop;

        RuleFor(c => c.HumanId)
            .NotNull().WithMessage("human_id is required.")
            .NotEqual(Guid.Empty).WithMessage("human_id must be a UUID.");

        RuleFor(c => c.StartsAt).BookableStart(clock);

        RuleFor(c => c.Duration)
            .NotNull().WithMessage("duration is required.")
            .PositiveDuration();

        RuleFor(c => c.TtlSeconds)
            .Must(t => Hold.IsValidTtl(t.GetValueOrDefault())).When(c => c.TtlSeconds is not null)
            .WithMessage($"ttl_seconds must be from {Hold.MinTtlSeconds} to {Hold.MaxTtlSeconds}.");

        RuleFor(c => c.Metadata).MetadataObject();
    }
}

public sealed class ConfirmHoldRequestValidator : AbstractValidator<ConfirmHoldRequest>
{
    public ConfirmHoldRequestValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;

        RuleFor(c => c.AttendeeName).AttendeeName();

        RuleFor(c => c.AttendeeEmail).AttendeeEmail();

        RuleFor(c => c.Metadata).MetadataObject();
    }
}

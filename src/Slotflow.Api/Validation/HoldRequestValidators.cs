using FluentValidation;
using Slotflow.Api.Contracts;
using Slotflow.Domain.Holds;

namespace Slotflow.Api.Validation;

public sealed class PlaceHoldRequestValidator : AbstractValidator<PlaceHoldRequest>
{
    public PlaceHoldRequestValidator(TimeProvider clock)
    {
        RuleLevelCascadeMode = CascadeMode.Stop;

        RuleFor(c => c.HumanId).RequiredHumanId();

        RuleFor(c => c.StartsAt).BookableStart(clock);

        RuleFor(c => c.Duration).RequiredDuration();

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

using FluentValidation;

namespace Slotflow.Application.Organizations.CreateApiKey;

public sealed class CreateApiKeyCommandValidator : AbstractValidator<CreateApiKeyCommand>
{
    public const int MaxNameLength = 200;

    public CreateApiKeyCommandValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;

        RuleFor(c => c.Name)
            .NotEmpty().WithMessage("name is required.")
            .Must(n => !string.IsNullOrWhiteSpace(n) && n.Length <= MaxNameLength)
            .WithMessage($"name must be 1 to {MaxNameLength} characters and not blank.");
    }
}

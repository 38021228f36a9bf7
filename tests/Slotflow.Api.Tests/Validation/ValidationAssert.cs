using FluentValidation;

namespace Slotflow.Api.Tests.Validation;

internal static class ValidationAssert
{
    /// <summary>The snake_case names of the fields the validator refuses.</summary>
    public static IReadOnlyList<string> InvalidFields<T>(IValidator<T> validator, T instance) =>
        [.. validator.Validate(instance).Errors.Select(e => e.PropertyName).Distinct()];
}

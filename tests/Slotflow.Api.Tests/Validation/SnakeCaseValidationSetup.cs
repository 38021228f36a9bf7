using Slotflow.Api.Wire;

namespace Slotflow.Api.Tests.Validation;

/// <summary>Validators name fields as on the wire, as they do in the host (AddRequestValidation does the same).</summary>
[SetUpFixture]
public sealed class SnakeCaseValidationSetup
{
    [OneTimeSetUp]
    public void UseSnakeCaseNames() => SnakeCaseNames.UseForValidation();
}

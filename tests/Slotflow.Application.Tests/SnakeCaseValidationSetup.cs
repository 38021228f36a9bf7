using Slotflow.Application.Common;

namespace Slotflow.Application.Tests;

/// <summary>Validators name fields as on the wire, as they do in the host (AddApplication does the same).</summary>
[SetUpFixture]
public sealed class SnakeCaseValidationSetup
{
    [OneTimeSetUp]
    public void UseSnakeCaseNames() => SnakeCaseNames.UseForValidation();
}

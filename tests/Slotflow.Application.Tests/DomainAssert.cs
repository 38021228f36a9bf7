using NUnit.Framework.Constraints;
using Slotflow.Domain.Common;

namespace Slotflow.Application.Tests;

/// <summary>Constraints for domain errors: the exception type and the API code it carries.</summary>
internal static class DomainAssert
{
    public static IResolveConstraint ThrowsDomainError(ErrorCode code) =>
        Throws.TypeOf<DomainException>().With.Property(nameof(DomainException.Code)).EqualTo(code);
}

namespace Slotflow.Domain.Common;

/// <summary>A broken business rule, carrying the API error code it answers with.</summary>
public class DomainException : Exception
{
    public DomainException(ErrorCode code, string message)
        : base(message)
    {
        Code = code;
    }

    public ErrorCode Code { get; }

    public static DomainException NotFound(string what) => new(ErrorCode.NotFound, $"{what} not found.");

    public static DomainException Invalid(string message) => new(ErrorCode.ValidationError, message);
}

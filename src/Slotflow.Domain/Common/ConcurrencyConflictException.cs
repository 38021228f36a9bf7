namespace Slotflow.Domain.Common;

/// <summary>Another request changed the same aggregate first; the caller re-reads and decides again.</summary>
public sealed class ConcurrencyConflictException : Exception
{
    public ConcurrencyConflictException(Exception inner)
        : base("The aggregate was changed by another request.", inner)
    {
    }
}

namespace Slotflow.Domain.Holds;

/// <summary>What a hold is now; <see cref="Expired"/> is never stored, it is a held hold past its expiry.</summary>
public enum HoldStatus
{
    Held,
    Confirmed,
    Released,
    Expired,
}

namespace Slotflow.Domain.Organizations;

/// <summary>One line of an organization's charges ledger: an overage pack bought at the monthly limit.</summary>
public sealed class OverageCharge
{
    public const int PackBookings = 500;
    public const int PackPriceCents = 1900;

    private OverageCharge(Guid id, Guid organizationId, int month, int bookings, int amountCents, DateTimeOffset createdAt)
    {
        Id = id;
        OrganizationId = organizationId;
        Month = month;
        Bookings = bookings;
        AmountCents = amountCents;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public Guid OrganizationId { get; private set; }

    /// <summary>The UTC month the pack extends, as yyyyMM.</summary>
    public int Month { get; private set; }

    public int Bookings { get; private set; }

    /// <summary>US cents.</summary>
    public int AmountCents { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static OverageCharge ForPack(Guid organizationId, DateTimeOffset now) =>
        new(Guid.NewGuid(), organizationId, MonthKey(now), PackBookings, PackPriceCents, now.ToUniversalTime());

    public static int MonthKey(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        return (utc.Year * 100) + utc.Month;
    }
}

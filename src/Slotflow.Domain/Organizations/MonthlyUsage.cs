namespace Slotflow.Domain.Organizations;

/// <summary>Bookings created by an organization in one UTC month, and what packs added to its allowance.</summary>
public sealed class MonthlyUsage
{
    public MonthlyUsage(Guid organizationId, int month)
    {
        OrganizationId = organizationId;
        Month = month;
    }

    public Guid OrganizationId { get; private set; }

    /// <summary>yyyyMM, UTC.</summary>
    public int Month { get; private set; }

    public int Bookings { get; private set; }

    /// <summary>Bookings added to the plan's allowance by overage packs this month.</summary>
    public int ExtraAllowance { get; private set; }
}

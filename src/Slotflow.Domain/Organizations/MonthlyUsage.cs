using Slotflow.Domain.Common;

namespace Slotflow.Domain.Organizations;

/// <summary>
/// One shard of an organization's booking count for one UTC month. The month's count is split over
/// <see cref="Shards"/> rows so that concurrent bookings of one organization take different rows: each row may count
/// up to its own <see cref="Allowance"/>, and the allowances of a month add up to the plan's limit plus its packs,
/// so counting within every row keeps the month within the whole. When a row is full, the whole month is recounted
/// (<see cref="CountOne"/>) with every row held.
/// </summary>
public sealed class MonthlyUsage
{
    /// <summary>Rows per organization and month.</summary>
    public const int Shards = 32;

    public MonthlyUsage(Guid organizationId, int month, int shard)
    {
        OrganizationId = organizationId;
        Month = month;
        Shard = shard;
    }

    public Guid OrganizationId { get; private set; }

    /// <summary>yyyyMM, UTC.</summary>
    public int Month { get; private set; }

    /// <summary>0 to <see cref="Shards"/> − 1.</summary>
    public int Shard { get; private set; }

    /// <summary>This row's part of the month's bookings.</summary>
    public int Bookings { get; private set; }

    /// <summary>This row's part of the bookings added to the plan's allowance by overage packs this month.</summary>
    public int ExtraAllowance { get; private set; }

    /// <summary>How many bookings this row may count: its part of the plan's limit and of the packs (none until spread).</summary>
    public int Allowance { get; private set; }

    /// <summary>
    /// The organization's version when the allowances were spread: a row counts on its own only while the
    /// organization is unchanged, so a new plan is applied by the next booking's recount.
    /// </summary>
    public int OrganizationVersion { get; private set; }

    /// <summary>
    /// Counts one booking in a month whose rows are all given (and held by the caller), buying one overage pack when
    /// the month is used up and the plan and the organization allow it, then spreads the room left evenly over the rows.
    /// Returns whether a pack was bought.
    /// </summary>
    /// <exception cref="DomainException">LIMIT_REACHED when the month is used up and no pack may be bought.</exception>
    public static bool CountOne(IReadOnlyList<MonthlyUsage> month, Organization organization)
    {
        if (month.Count != Shards || month.Select(s => s.Shard).Distinct().Count() != Shards)
        {
            throw new ArgumentException($"A month is counted over all of its {Shards} rows.", nameof(month));
        }

        var limits = organization.Limits;
        var booked = month.Sum(s => s.Bookings) + 1;
        var extra = month.Sum(s => s.ExtraAllowance);
        var bought = false;
        if (booked > limits.MonthlyBookings + extra)
        {
            if (!limits.AllowsOverage || !organization.AutoPurchase)
            {
                throw new DomainException(
                    ErrorCode.LimitReached,
                    $"The monthly limit of {limits.MonthlyBookings} bookings on the {organization.Plan.ToString().ToLowerInvariant()} plan is reached.");
            }

            extra += OverageCharge.PackBookings;
            bought = true;
        }

        var allowance = limits.MonthlyBookings + extra;
        var room = Math.Max(0, allowance - booked);
        var beyond = Math.Max(0, booked - allowance); // a plan moved below this month's bookings; one pack was bought
        foreach (var row in month)
        {
            row.Allowance = Part(allowance, row.Shard);
            row.ExtraAllowance = Part(extra, row.Shard);
            row.Bookings = row.Allowance - Part(room, row.Shard) + (row.Shard == 0 ? beyond : 0);
            row.OrganizationVersion = organization.Version;
        }

        return bought;
    }

    /// <summary>Row <paramref name="shard"/>'s part of <paramref name="total"/>; the parts of all rows add up to it.</summary>
    public static int Part(int total, int shard) => (total / Shards) + (shard < total % Shards ? 1 : 0);
}

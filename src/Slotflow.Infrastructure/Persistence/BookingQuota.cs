using Microsoft.EntityFrameworkCore;
using Slotflow.Domain.Common;
using Slotflow.Domain.Organizations;

namespace Slotflow.Infrastructure.Persistence;

/// <summary>
/// Counts bookings with conditional UPDATEs in the caller's transaction: the database decides, row by row, whether
/// one more booking fits, so racing requests can never pass the limit, and only the request that finds the month
/// full buys a pack. SQLite and PostgreSQL share INSERT … ON CONFLICT; SQL Server has MERGE under HOLDLOCK instead.
/// </summary>
internal sealed class BookingQuota(SlotflowDbContext db) : IBookingQuota
{
    public async Task ConsumeAsync(Organization organization, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var month = OverageCharge.MonthKey(now);
        var limit = organization.Limits.MonthlyBookings;
        while (true)
        {
            if (await CountIfRoomAsync(organization.Id, month, limit, cancellationToken) == 1)
            {
                return;
            }

            if (!organization.Limits.AllowsOverage || !organization.AutoPurchase)
            {
                throw new DomainException(
                    ErrorCode.LimitReached,
                    $"The monthly limit of {limit} bookings on the {organization.Plan.ToString().ToLowerInvariant()} plan is reached.");
            }

            // Only a request that still finds the month full buys; one that lost the race counts in the new pack.
            var bought = await Usage(organization.Id, month)
                .Where(u => u.Bookings >= limit + u.ExtraAllowance)
                .ExecuteUpdateAsync(
                    set => set
                        .SetProperty(u => u.ExtraAllowance, u => u.ExtraAllowance + OverageCharge.PackBookings)
                        .SetProperty(u => u.Bookings, u => u.Bookings + 1),
                    cancellationToken);
            if (bought == 1)
            {
                db.OverageCharges.Add(OverageCharge.ForPack(organization.Id, now));
                return;
            }
        }
    }

    private IQueryable<MonthlyUsage> Usage(Guid organizationId, int month) =>
        db.MonthlyUsage.Where(u => u.OrganizationId == organizationId && u.Month == month);

    /// <summary>One statement: the month's first booking creates its row; a later one counts only below the allowance.</summary>
    private Task<int> CountIfRoomAsync(Guid organizationId, int month, int limit, CancellationToken cancellationToken) =>
        db.Database.IsSqlServer()
            ? db.Database.ExecuteSqlAsync(
                $"""
                MERGE monthly_usage WITH (HOLDLOCK) AS u
                USING (SELECT {organizationId} AS OrganizationId, {month} AS Month) AS s
                ON u.OrganizationId = s.OrganizationId AND u.Month = s.Month
                WHEN MATCHED AND u.Bookings < {limit} + u.ExtraAllowance THEN UPDATE SET Bookings = u.Bookings + 1
                WHEN NOT MATCHED THEN INSERT (OrganizationId, Month, Bookings, ExtraAllowance) VALUES (s.OrganizationId, s.Month, 1, 0);
                """,
                cancellationToken)
            : db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO monthly_usage ("OrganizationId", "Month", "Bookings", "ExtraAllowance") VALUES ({organizationId}, {month}, 1, 0)
                ON CONFLICT ("OrganizationId", "Month") DO UPDATE SET "Bookings" = monthly_usage."Bookings" + 1
                WHERE monthly_usage."Bookings" < {limit} + monthly_usage."ExtraAllowance"
                """,
                cancellationToken);
}

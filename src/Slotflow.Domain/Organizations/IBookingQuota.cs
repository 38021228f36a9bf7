namespace Slotflow.Domain.Organizations;

/// <summary>
/// The monthly booking counter of §8, consumed inside the booking's transaction so that concurrent bookings can
/// neither pass the limit nor buy two packs where one was needed.
/// </summary>
public interface IBookingQuota
{
    /// <summary>Counts one booking in the UTC month of <paramref name="now"/>, buying an overage pack when the plan and the organization allow.</summary>
    /// <exception cref="Common.DomainException">LIMIT_REACHED when the month is used up and no pack may be bought.</exception>
    Task ConsumeAsync(Guid organizationId, DateTimeOffset now, CancellationToken cancellationToken);
}

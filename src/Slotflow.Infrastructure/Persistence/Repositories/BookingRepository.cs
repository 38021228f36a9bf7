using Microsoft.EntityFrameworkCore;
using Slotflow.Domain.Bookings;
using Slotflow.Domain.Humans;
using Slotflow.Domain.Scheduling;

namespace Slotflow.Infrastructure.Persistence.Repositories;

internal sealed class BookingRepository(SlotflowDbContext db) : IBookingRepository
{
    public void Add(Booking booking) => db.Bookings.Add(booking);

    public Task<Booking?> FindAsync(Guid organizationId, Guid bookingId, CancellationToken cancellationToken) =>
        db.Bookings.FirstOrDefaultAsync(b => b.OrganizationId == organizationId && b.Id == bookingId, cancellationToken);

    public Task<Booking?> ReadAsync(Guid organizationId, Guid bookingId, CancellationToken cancellationToken) =>
        db.Bookings.AsNoTracking().FirstOrDefaultAsync(b => b.OrganizationId == organizationId && b.Id == bookingId, cancellationToken);

    public Task<List<BookedStart>> ListConfirmedStartsAsync(IReadOnlyCollection<Guid> humanIds, TimeRange starts, CancellationToken cancellationToken) =>
        db.Bookings.AsNoTracking()
            .Where(b => humanIds.Contains(b.HumanId) && b.Status == BookingStatus.Confirmed && b.StartsAt >= starts.Start && b.StartsAt < starts.End)
            .Select(b => new BookedStart(b.HumanId, b.StartsAt))
            .ToListAsync(cancellationToken);

    public async Task<(IReadOnlyList<Booking> Page, int Total)> ListAsync(BookingFilter filter, CancellationToken cancellationToken)
    {
        var query = db.Bookings.AsNoTracking().Where(b => b.OrganizationId == filter.OrganizationId);
        if (filter.HumanId is { } humanId)
        {
            query = query.Where(b => b.HumanId == humanId);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(b => b.Status == status);
        }

        if (filter.StartsFrom is { } from)
        {
            query = query.Where(b => b.StartsAt >= from);
        }

        if (filter.StartsBefore is { } before)
        {
            query = query.Where(b => b.StartsAt < before);
        }

        var total = await query.CountAsync(cancellationToken);
        var page = await query.OrderByDescending(b => b.StartsAt).ThenByDescending(b => b.CreatedAt).ThenBy(b => b.Id)
            .Skip(filter.Offset).Take(filter.Limit).ToListAsync(cancellationToken);
        return (page, total);
    }
}

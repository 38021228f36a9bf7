using Microsoft.EntityFrameworkCore;
using Slotflow.Domain.Holds;

namespace Slotflow.Infrastructure.Persistence.Repositories;

internal sealed class HoldRepository(SlotflowDbContext db) : IHoldRepository
{
    public void Add(Hold hold) => db.Holds.Add(hold);

    public Task<Hold?> FindAsync(Guid organizationId, Guid holdId, CancellationToken cancellationToken) =>
        db.Holds.FirstOrDefaultAsync(h => h.OrganizationId == organizationId && h.Id == holdId, cancellationToken);

    public Task<Hold?> ReadAsync(Guid organizationId, Guid holdId, CancellationToken cancellationToken) =>
        db.Holds.AsNoTracking().FirstOrDefaultAsync(h => h.OrganizationId == organizationId && h.Id == holdId, cancellationToken);

    public Task<int> CountActiveAsync(Guid humanId, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Holds.CountAsync(h => h.HumanId == humanId && h.Status == HoldStatus.Held && h.ExpiresAt > now, cancellationToken);
}

using Mediator;
using Slotflow.Domain.Common;
using Slotflow.Domain.Holds;

namespace Slotflow.Application.Holds.GetHold;

/// <summary>GET /v1/holds/{id}: the hold as it is now (held, confirmed, released or expired).</summary>
public sealed record GetHoldQuery(Guid OrganizationId, Guid HoldId) : IQuery<HoldDto>;

public sealed class GetHoldQueryHandler(IHoldRepository holds, TimeProvider clock) : IQueryHandler<GetHoldQuery, HoldDto>
{
    public async ValueTask<HoldDto> Handle(GetHoldQuery query, CancellationToken cancellationToken) =>
        HoldDto.From(await holds.ReadAsync(query.OrganizationId, query.HoldId, cancellationToken) ?? throw DomainException.NotFound("Hold"), clock.GetUtcNow());
}

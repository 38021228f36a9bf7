using Mediator;
using Slotflow.Domain.Common;
using Slotflow.Domain.Humans;

namespace Slotflow.Application.Humans.GetHuman;

public sealed record GetHumanQuery(Guid OrganizationId, Guid HumanId) : IQuery<HumanDetailsDto>;

public sealed class GetHumanQueryHandler(IHumanRepository humans) : IQueryHandler<GetHumanQuery, HumanDetailsDto>
{
    public async ValueTask<HumanDetailsDto> Handle(GetHumanQuery query, CancellationToken cancellationToken)
    {
        var human = await humans.ReadActiveAsync(query.OrganizationId, query.HumanId, cancellationToken)
            ?? throw DomainException.NotFound("Human");
        return human.ToDetailsDto();
    }
}

using Mediator;
using Slotflow.Domain.Humans;

namespace Slotflow.Application.Humans.ListHumans;

public sealed record ListHumansQuery(Guid OrganizationId) : IQuery<HumanListDto>;

public sealed class ListHumansQueryHandler(IHumanRepository humans) : IQueryHandler<ListHumansQuery, HumanListDto>
{
    public async ValueTask<HumanListDto> Handle(ListHumansQuery query, CancellationToken cancellationToken)
    {
        var active = await humans.ListActiveAsync(query.OrganizationId, cancellationToken);
        return new HumanListDto([.. active.Select(h => h.ToDto())], active.Count);
    }
}

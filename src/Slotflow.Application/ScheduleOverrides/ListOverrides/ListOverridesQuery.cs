using Mediator;
using Slotflow.Domain.Common;
using Slotflow.Domain.Humans;

namespace Slotflow.Application.ScheduleOverrides.ListOverrides;

public sealed record ListOverridesQuery(Guid OrganizationId, Guid HumanId) : IQuery<OverrideListDto>;

public sealed class ListOverridesQueryHandler(IHumanRepository humans) : IQueryHandler<ListOverridesQuery, OverrideListDto>
{
    public async ValueTask<OverrideListDto> Handle(ListOverridesQuery query, CancellationToken cancellationToken)
    {
        var human = await humans.ReadActiveWithOverridesAsync(query.OrganizationId, query.HumanId, cancellationToken)
            ?? throw DomainException.NotFound("Human");

        // Spec order: start_date, then start_time (all-day first); creation order keeps ties stable.
        var overrides = human.Overrides
            .OrderBy(o => o.StartDate)
            .ThenBy(o => o.StartTime?.Minutes ?? -1)
            .ThenBy(o => o.CreatedAt)
            .ThenBy(o => o.Id)
            .Select(o => o.ToDto())
            .ToList();
        return new OverrideListDto(overrides, overrides.Count);
    }
}

using Mediator;
using Slotflow.Domain.Common;
using Slotflow.Domain.Humans;

namespace Slotflow.Application.ScheduleOverrides.ListOverrides;

/// <summary>GET /v1/humans/{id}/overrides; a page left out is the default (every override).</summary>
public sealed record ListOverridesQuery(Guid OrganizationId, Guid HumanId, int? Limit, int? Offset)
    : IQuery<OverrideListDto>;

public sealed class ListOverridesQueryHandler(IHumanRepository humans) : IQueryHandler<ListOverridesQuery, OverrideListDto>
{
    /// <summary>The cap, so a client that does not page (the public SDKs) still gets every override.</summary>
    public const int DefaultLimit = Human.MaxOverrides;

    public async ValueTask<OverrideListDto> Handle(ListOverridesQuery query, CancellationToken cancellationToken)
    {
        var (limit, offset) = (query.Limit ?? DefaultLimit, query.Offset ?? 0);
        var human = await humans.ReadActiveWithOverridesAsync(query.OrganizationId, query.HumanId, cancellationToken)
            ?? throw DomainException.NotFound("Human");

        // Paged in memory: a human has at most Human.MaxOverrides, and the slot and booking paths load them all anyway.
        // Spec order: start_date, then start_time (all-day first); creation time, then id, make ties stable across pages.
        var page = human.Overrides
            .OrderBy(o => o.StartDate)
            .ThenBy(o => o.StartTime?.Minutes ?? -1)
            .ThenBy(o => o.CreatedAt)
            .ThenBy(o => o.Id)
            .Skip(offset)
            .Take(limit)
            .Select(o => o.ToDto())
            .ToList();
        return new OverrideListDto(page, human.Overrides.Count, limit, offset);
    }
}

using Mediator;
using Slotflow.Domain.Common;
using Slotflow.Domain.Humans;
using Slotflow.Domain.Organizations;
using Slotflow.Domain.Webhooks;

namespace Slotflow.Application.Organizations.GetUsage;

/// <summary>GET /admin/v1/organizations/{id}/usage: the current UTC month's figures against the plan, and the ledger.</summary>
public sealed record GetOrganizationUsageQuery(Guid OrganizationId) : IQuery<UsageDto>;

public sealed class GetOrganizationUsageQueryHandler(
    IOrganizationRepository organizations,
    IHumanRepository humans,
    IWebhookRepository webhooks,
    TimeProvider clock) : IQueryHandler<GetOrganizationUsageQuery, UsageDto>
{
    public async ValueTask<UsageDto> Handle(GetOrganizationUsageQuery query, CancellationToken cancellationToken)
    {
        var organization = await organizations.ReadAsync(query.OrganizationId, cancellationToken)
            ?? throw DomainException.NotFound("Organization");
        var month = OverageCharge.MonthKey(clock.GetUtcNow());
        var usage = await organizations.ReadUsageAsync(organization.Id, month, cancellationToken);
        var charges = await organizations.ListChargesAsync(organization.Id, cancellationToken);
        var activeHumans = await humans.CountActiveAsync(organization.Id, cancellationToken);
        var webhookCount = await webhooks.CountAsync(organization.Id, cancellationToken);

        var limits = organization.Limits;
        var extra = usage.ExtraAllowance;
        return new UsageDto(
            organization.Id,
            PlanNames.ToName(organization.Plan),
            organization.AutoPurchase,
            OrganizationMapper.MonthToWire(month),
            new BookingUsageDto(usage.Bookings, limits.MonthlyBookings + extra, limits.MonthlyBookings, extra),
            charges.Count(c => c.Month == month),
            new CapUsageDto(activeHumans, limits.MaxHumans),
            new CapUsageDto(webhookCount, limits.MaxWebhooks),
            [.. charges.Select(c => c.ToDto())]);
    }
}

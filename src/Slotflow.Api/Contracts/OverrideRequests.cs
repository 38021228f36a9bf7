using Microsoft.AspNetCore.Mvc;
using Slotflow.Api.Wire;
using Slotflow.Application.ScheduleOverrides.CreateOverride;
using Slotflow.Application.ScheduleOverrides.ListOverrides;
using Slotflow.Domain.Humans;

namespace Slotflow.Api.Contracts;

/// <summary>POST /v1/humans/{id}/overrides. Every field is optional here so the validator can name what is missing.</summary>
public sealed record CreateOverrideRequest(
    string? Type,
    string? Title,
    bool? AllDay,
    string? StartDate,
    string? EndDate,
    string? StartTime,
    string? EndTime,
    RecurrenceRequest? Recurrence)
{
    /// <summary>The command for a request the validator has accepted.</summary>
    public CreateOverrideCommand ToCommand(Guid organizationId, Guid humanId) => new(
        organizationId,
        humanId,
        Type == "block" ? OverrideType.Block : OverrideType.Open,
        Title,
        WireDate.Parse(StartDate ?? string.Empty),
        EndDate is null ? null : WireDate.Parse(EndDate),
        AllDay == true
            ? null
            : (ClockTime.Parse(StartTime ?? string.Empty, allowEndOfDay: false), ClockTime.Parse(EndTime ?? string.Empty, allowEndOfDay: true)),
        Recurrence?.ToRule());
}

public sealed record RecurrenceRequest(string? Freq, int? Interval, int[]? Days, int? DayOfMonth, int? Week, int? Day)
{
    /// <summary>The rule for a recurrence the validator has accepted.</summary>
    public RecurrenceRule ToRule()
    {
        var interval = Interval ?? 1;
        if (Freq == "weekly")
        {
            return RecurrenceRule.Weekly(interval, [.. Days ?? []]);
        }

        return DayOfMonth is { } dayOfMonth
            ? RecurrenceRule.MonthlyOnDay(interval, dayOfMonth)
            : RecurrenceRule.MonthlyOnWeekday(interval, Week.GetValueOrDefault(), Day.GetValueOrDefault());
    }
}

/// <summary>GET /v1/humans/{id}/overrides. Parameters bind as text so that a malformed one is named by the validator (422).</summary>
public sealed record ListOverridesRequest : PageRequest
{
    /// <summary>The query for a request the validator has accepted.</summary>
    public ListOverridesQuery ToQuery(Guid organizationId, Guid humanId) =>
        new(organizationId, humanId, Paging.Parse(Limit), Paging.Parse(Offset));
}

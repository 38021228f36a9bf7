using Slotflow.Application.Humans.CreateHuman;
using Slotflow.Application.Humans.SetAvailability;
using Slotflow.Domain.Humans;

namespace Slotflow.Api.Contracts;

/// <summary>POST /v1/humans. Every field is optional here so the validator can name what is missing.</summary>
public sealed record CreateHumanRequest(string? Name, string? Timezone, string? Email, string? Role)
{
    /// <summary>The command for a request the validator has accepted.</summary>
    public CreateHumanCommand ToCommand(Guid organizationId) =>
        new(organizationId, Name ?? string.Empty, Timezone ?? string.Empty, Email, Role);
}

/// <summary>
/// PUT /v1/humans/{id}/availability: the four classic fields (spec §4), which <see cref="WeeklyHours"/> makes optional,
/// and the optional rules of §10 (absent means the default: no such rule).
/// </summary>
public sealed record SetAvailabilityRequest(
    int[]? WorkingDays,
    string? WorkStart,
    string? WorkEnd,
    int[]? MeetingDurations,
    int? SlotInterval = null,
    int? BufferBefore = null,
    int? BufferAfter = null,
    int? MinimumNotice = null,
    int? BookingHorizonDays = null,
    int? DailyBookingLimit = null,
    int? WeeklyBookingLimit = null,
    Dictionary<string, WindowRequest[]?>? WeeklyHours = null)
{
    /// <summary>The command for a request the validator has accepted.</summary>
    public SetAvailabilityCommand ToCommand(Guid organizationId, Guid humanId) => new(
        organizationId,
        humanId,
        WorkingDays,
        WorkStart is null ? null : ClockTime.Parse(WorkStart, allowEndOfDay: false),
        WorkEnd is null ? null : ClockTime.Parse(WorkEnd, allowEndOfDay: true),
        MeetingDurations ?? [],
        new SchedulingRules(
            SlotInterval,
            BufferBefore ?? 0,
            BufferAfter ?? 0,
            MinimumNotice ?? 0,
            BookingHorizonDays,
            DailyBookingLimit,
            WeeklyBookingLimit,
            WeeklyHours is null ? null : Domain.Humans.WeeklyHours.Create(WeeklyHours.ToDictionary(
                day => int.Parse(day.Key, System.Globalization.CultureInfo.InvariantCulture),
                day => (IReadOnlyList<ClockWindow>)[.. (day.Value ?? []).Select(w => w.ToWindow())]))));
}

/// <summary>One window of <c>weekly_hours</c>.</summary>
public sealed record WindowRequest(string? Start, string? End)
{
    public ClockWindow ToWindow() =>
        new(ClockTime.Parse(Start ?? string.Empty, allowEndOfDay: false), ClockTime.Parse(End ?? string.Empty, allowEndOfDay: true));
}

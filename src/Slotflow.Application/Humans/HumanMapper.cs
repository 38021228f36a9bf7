using Riok.Mapperly.Abstractions;
using Slotflow.Domain.Humans;

namespace Slotflow.Application.Humans;

[Mapper]
public static partial class HumanMapper
{
    [MapProperty(nameof(Human.TimeZoneId), nameof(HumanDto.Timezone))]
    [MapperIgnoreSource(nameof(Human.OrganizationId))]
    [MapperIgnoreSource(nameof(Human.WorkingHours))]
    [MapperIgnoreSource(nameof(Human.Version))]
    [MapperIgnoreSource(nameof(Human.OverridesVersion))]
    [MapperIgnoreSource(nameof(Human.HoldsUntil))]
    [MapperIgnoreSource(nameof(Human.Overrides))]
    public static partial HumanDto ToDto(this Human human);

    [MapProperty(nameof(Human.TimeZoneId), nameof(HumanDetailsDto.Timezone))]
    [MapProperty(nameof(Human.WorkingHours), nameof(HumanDetailsDto.AvailabilityRules))]
    [MapperIgnoreSource(nameof(Human.OrganizationId))]
    [MapperIgnoreSource(nameof(Human.Version))]
    [MapperIgnoreSource(nameof(Human.OverridesVersion))]
    [MapperIgnoreSource(nameof(Human.HoldsUntil))]
    [MapperIgnoreSource(nameof(Human.Overrides))]
    public static partial HumanDetailsDto ToDetailsDto(this Human human);

    [MapperIgnoreSource(nameof(WorkingHours.HasBookingLimits))]
    private static partial AvailabilityRulesDto ToDto(WorkingHours workingHours);

    /// <summary>Every weekday "1"…"7", with an empty list on days without windows.</summary>
    private static Dictionary<string, IReadOnlyList<ClockWindowDto>>? ToWire(WeeklyHours? weeklyHours) =>
        weeklyHours is null
            ? null
            : Enumerable.Range(1, 7).ToDictionary(
                day => day.ToString(System.Globalization.CultureInfo.InvariantCulture),
                day => (IReadOnlyList<ClockWindowDto>)[.. weeklyHours.On(day).Select(w => new ClockWindowDto(w.Start.ToString(), w.End.ToString()))]);

    private static string ToWire(ClockTime time) => time.ToString();
}

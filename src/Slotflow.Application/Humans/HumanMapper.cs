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
    [MapperIgnoreSource(nameof(Human.Overrides))]
    public static partial HumanDto ToDto(this Human human);

    [MapProperty(nameof(Human.TimeZoneId), nameof(HumanDetailsDto.Timezone))]
    [MapProperty(nameof(Human.WorkingHours), nameof(HumanDetailsDto.AvailabilityRules))]
    [MapperIgnoreSource(nameof(Human.OrganizationId))]
    [MapperIgnoreSource(nameof(Human.Version))]
    [MapperIgnoreSource(nameof(Human.OverridesVersion))]
    [MapperIgnoreSource(nameof(Human.Overrides))]
    public static partial HumanDetailsDto ToDetailsDto(this Human human);

    private static partial AvailabilityRulesDto ToDto(WorkingHours workingHours);

    private static string ToWire(ClockTime time) => time.ToString();
}

using Riok.Mapperly.Abstractions;
using Slotflow.Domain.Humans;

namespace Slotflow.Application.ScheduleOverrides;

[Mapper(EnumNamingStrategy = EnumNamingStrategy.SnakeCase)]
public static partial class OverrideMapper
{
    [MapperIgnoreSource(nameof(ScheduleOverride.WindowStartMinutes))]
    [MapperIgnoreSource(nameof(ScheduleOverride.WindowEndMinutes))]
    public static partial OverrideDto ToDto(this ScheduleOverride scheduleOverride);

    [MapProperty(nameof(RecurrenceRule.Frequency), nameof(RecurrenceDto.Freq))]
    private static partial RecurrenceDto ToDto(RecurrenceRule recurrence);

    private static string ToWire(ClockTime time) => time.ToString();
}

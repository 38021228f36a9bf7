namespace Slotflow.Domain.Humans;

/// <summary>A human with the overrides that shape their time, as the availability engine reads them.</summary>
public sealed record HumanCalendar(Human Human, IReadOnlyList<ScheduleOverride> Overrides);

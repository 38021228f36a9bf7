namespace Slotflow.Domain.Scheduling;

/// <summary>A half-open interval of UTC instants [Start, End).</summary>
public readonly record struct TimeRange(DateTimeOffset Start, DateTimeOffset End)
{
    public bool Overlaps(TimeRange other) => Start < other.End && other.Start < End;

    public bool Contains(TimeRange other) => Start <= other.Start && other.End <= End;
}

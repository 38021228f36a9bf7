namespace Slotflow.Application.Common;

/// <summary>A command decided at most <see cref="MaxDecisions"/> times when it loses races, then answered with its own refusal.</summary>
public interface IBoundedRedecision
{
    int MaxDecisions { get; }

    Exception WhenRacesAreLost();
}

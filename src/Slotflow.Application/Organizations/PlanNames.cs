using Slotflow.Domain.Organizations;

namespace Slotflow.Application.Organizations;

/// <summary>Plans as they are named on the wire and on the command line.</summary>
public static class PlanNames
{
    public static readonly IReadOnlyList<string> All = [.. Enum.GetValues<Plan>().Select(ToName)];

    public static string ToName(Plan plan) => plan.ToString().ToLowerInvariant();

    public static bool TryParse(string? name, out Plan plan)
    {
        plan = Enum.GetValues<Plan>().FirstOrDefault(p => ToName(p) == name);
        return name is not null && ToName(plan) == name;
    }
}

namespace Slotflow.Domain.Organizations;

/// <summary>What a plan allows (spec §8). A null cap is unlimited.</summary>
public sealed record PlanLimits(int MonthlyBookings, int MaxHumans, int? MaxWebhooks, bool AllowsOverage)
{
    private static readonly PlanLimits FreeLimits = new(100, 1, 2, AllowsOverage: false);
    private static readonly PlanLimits StarterLimits = new(1_000, 5, 10, AllowsOverage: true);
    private static readonly PlanLimits GrowthLimits = new(10_000, 25, null, AllowsOverage: true);

    public static PlanLimits For(Plan plan) => plan switch
    {
        Plan.Free => FreeLimits,
        Plan.Starter => StarterLimits,
        Plan.Growth => GrowthLimits,
        _ => throw new ArgumentOutOfRangeException(nameof(plan), plan, "Unknown plan."),
    };
}

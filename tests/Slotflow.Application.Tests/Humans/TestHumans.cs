using Slotflow.Domain.Humans;

namespace Slotflow.Application.Tests.Humans;

internal static class TestHumans
{
    public static readonly Guid OrganizationId = Guid.Parse("0b5c1f5e-8a43-4d3e-9a50-1f4a1c9b7e21");
    public static readonly DateTimeOffset CreatedAt = new(2026, 3, 16, 13, 0, 0, TimeSpan.Zero);

    public static Human Ada() => Human.Create(OrganizationId, "Ada Lovelace", "Europe/London", "ada@example.com", "Engineer", CreatedAt);

    public static Human WithRules()
    {
        var human = Ada();
        human.SetWorkingHours(WorkingHours.Create(
            [1, 2, 3, 4, 5], ClockTime.Parse("09:00", false), ClockTime.Parse("24:00", true), [30, 60]));
        return human;
    }
}

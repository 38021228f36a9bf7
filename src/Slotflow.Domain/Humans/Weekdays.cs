namespace Slotflow.Domain.Humans;

/// <summary>ISO weekday numbers as the API uses them: 1 = Monday … 7 = Sunday.</summary>
public static class Weekdays
{
    public static bool IsValid(int day) => day is >= 1 and <= 7;

    public static int Of(DateOnly date) => ((int)date.DayOfWeek + 6) % 7 + 1;
}

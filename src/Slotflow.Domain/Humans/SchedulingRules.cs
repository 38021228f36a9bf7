namespace Slotflow.Domain.Humans;

/// <summary>
/// The optional rules of spec §10 beside the four classic fields, as given on PUT; every default means "no such rule",
/// so rules set with the classic fields alone mean what they meant before these existed.
/// </summary>
public sealed record SchedulingRules(
    int? SlotInterval = null,
    int BufferBefore = 0,
    int BufferAfter = 0,
    int MinimumNotice = 0,
    int? BookingHorizonDays = null,
    int? DailyBookingLimit = null,
    int? WeeklyBookingLimit = null,
    WeeklyHours? WeeklyHours = null)
{
    public const int MaxBuffer = 240;
    public const int MaxMinimumNotice = 525_600;
    public const int MaxHorizonDays = 3650;

    public static readonly SchedulingRules None = new();

    public static bool IsValidBuffer(int minutes) => minutes is >= 0 and <= MaxBuffer && minutes % 5 == 0;

    public static bool IsValidNotice(int minutes) => minutes is >= 0 and <= MaxMinimumNotice;

    public static bool IsValidHorizon(int days) => days is >= 1 and <= MaxHorizonDays;

    public static bool IsValidLimit(int count) => count >= 1;
}

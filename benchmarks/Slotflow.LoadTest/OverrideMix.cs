using System.Globalization;
using System.Text.Json;

namespace Slotflow.LoadTest;

/// <summary>
/// A seeded calendar's worth of override bodies over three years around today, as a human at the cap might have
/// collected: seven in ten one-offs (timed or all day, single dates or short ranges), two in ten weekly and one in
/// ten monthly series, about half of the series ended. Blocks are left out for humans whose every half hour is booked
/// by the load (an open never refuses a booking, so the booking phase still books every prepared slot).
/// </summary>
internal static class OverrideMix
{
    public static IEnumerable<string> Bodies(int count, bool withBlocks, int seed)
    {
        var random = new Random(seed);
        var first = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2 * 365);
        for (var i = 0; i < count; i++)
        {
            var type = withBlocks && random.Next(4) != 0 ? "block" : "open";
            var startMinute = random.Next(7 * 4, 19 * 4) * 15;
            var timed = random.Next(5) != 0;
            var kind = i % 10;
            var start = first.AddDays(random.Next(3 * 365));
            DateOnly? end = null;
            object? recurrence = null;
            if (kind < 7)
            {
                end = random.Next(6) == 0 ? start.AddDays(random.Next(1, 10)) : null;
            }
            else
            {
                start = first.AddDays(random.Next(2 * 365));
                end = random.Next(2) == 0 ? start.AddDays(random.Next(30, 300)) : null;
                recurrence = kind < 9
                    ? new { freq = "weekly", interval = random.Next(1, 5), days = new[] { random.Next(1, 8) } }
                    : random.Next(2) == 0
                        ? new { freq = "monthly", interval = random.Next(1, 4), day_of_month = random.Next(1, 29) }
                        : new { freq = "monthly", interval = 1, week = random.Next(1, 6), day = random.Next(1, 8) };
            }

            yield return JsonSerializer.Serialize(new
            {
                type,
                title = $"Override {i}",
                all_day = !timed,
                start_date = Date(start),
                end_date = end is { } e ? Date(e) : null,
                start_time = timed ? Time(startMinute) : null,
                end_time = timed ? Time(startMinute + (random.Next(1, 9) * 15)) : null,
                recurrence,
            });
        }
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Time(int minutes) => string.Create(CultureInfo.InvariantCulture, $"{minutes / 60:00}:{minutes % 60:00}");
}

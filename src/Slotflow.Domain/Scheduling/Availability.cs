using Slotflow.Domain.Common;
using Slotflow.Domain.Humans;

namespace Slotflow.Domain.Scheduling;

/// <summary>
/// The availability engine (spec §6–7, §10): one human's rules, overrides and confirmed bookings, read in the human's
/// zone. It lists free slots and judges single intervals with the same windows and the same predicates (notice and
/// horizon, blocks, blocked windows, daily and weekly limits), so a listed slot is always bookable and a refused
/// interval is never listed. Pure: "now" is an argument.
/// </summary>
public sealed class Availability
{
    private readonly ZoneClock _clock;
    private readonly WorkingHours? _rules;
    private readonly IReadOnlyList<ScheduleOverride> _overrides;
    private readonly IReadOnlyList<TakenTime> _taken;

    /// <param name="taken">
    /// Confirmed bookings whose blocked windows may meet the dates or interval judged; for a human with daily or weekly
    /// limits, every booking of the local days and ISO weeks involved (<see cref="ScheduleSpan"/>).
    /// </param>
    public Availability(TimeZoneInfo zone, WorkingHours? rules, IReadOnlyList<ScheduleOverride> overrides, IReadOnlyList<TakenTime> taken)
    {
        _clock = new ZoneClock(zone);
        _rules = rules;
        _overrides = overrides;
        _taken = taken;
    }

    public static Availability For(HumanCalendar calendar, IReadOnlyList<TakenTime> taken) =>
        new(IanaTimeZone.Find(calendar.Human.TimeZoneId), calendar.Human.WorkingHours, calendar.Overrides, taken);

    /// <summary>The UTC span whose confirmed bookings matter for slots on these local dates.</summary>
    public static TimeRange BookingSpan(TimeZoneInfo zone, DateOnly from, DateOnly to)
    {
        var clock = new ZoneClock(zone);
        return new TimeRange(
            clock.ToInstant(from.AddDays(-1), 0, null),
            clock.ToInstant(to.AddDays(2), 0, null));
    }

    /// <summary>
    /// A UTC span that holds <see cref="BookingSpan"/> in every zone (offsets lie within −12 h and +14 h), so the
    /// bookings can be read in the same statement as the human, before its zone is known.
    /// </summary>
    public static TimeRange BookingSpanInAnyZone(DateOnly from, DateOnly to) =>
        new(new DateTimeOffset(from.AddDays(-2).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            new DateTimeOffset(to.AddDays(3).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));

    public bool Allows(int durationMinutes) => _rules?.Allows(durationMinutes) == true;

    /// <summary>Free slots of <paramref name="durationMinutes"/> on the local dates from..to, sorted, without duplicates.</summary>
    /// <exception cref="DomainException">INVALID_DURATION when the duration is not one of the human's.</exception>
    public List<TimeRange> ListSlots(DateOnly from, DateOnly to, int durationMinutes, DateTimeOffset now) =>
        Scan(from, to, durationMinutes, now, removed: null);

    /// <summary>
    /// Why <see cref="ListSlots"/> finds nothing on these dates (spec §11.5): each candidate start is counted under the
    /// first rule that removes it, in the engine's order (the day's limits, then the past and the notice or the
    /// horizon, then blocks, then bookings and holds), and the rule that removed the most wins (ties: the order of
    /// <see cref="EmptyReason"/>). No candidate at all is <see cref="EmptyReason.NotWorking"/>; null when a slot is free.
    /// </summary>
    public EmptyReason? WhyEmpty(DateOnly from, DateOnly to, int durationMinutes, DateTimeOffset now)
    {
        var removed = new int[Enum.GetValues<EmptyReason>().Length];
        if (Scan(from, to, durationMinutes, now, removed).Count > 0)
        {
            return null;
        }

        var most = EmptyReason.NotWorking;
        foreach (var reason in Enum.GetValues<EmptyReason>())
        {
            if (removed[(int)reason] > removed[(int)most])
            {
                most = reason;
            }
        }

        return most;
    }

    /// <summary>
    /// The first bookable start on the dates after <paramref name="after"/>, up to <paramref name="last"/> (spec §11.5's
    /// next_available_at); needs the bookings of those dates.
    /// </summary>
    public DateTimeOffset? FirstStartBetween(DateOnly after, DateOnly last, int durationMinutes, DateTimeOffset now) =>
        after >= last || !Allows(durationMinutes)
            ? null
            : Scan(after.AddDays(1), last, durationMinutes, now, removed: null) is [var first, ..] ? first.Start : null;

    /// <param name="removed">When given, counts each refused candidate under its <see cref="EmptyReason"/>.</param>
    private List<TimeRange> Scan(DateOnly from, DateOnly to, int durationMinutes, DateTimeOffset now, int[]? removed)
    {
        EnsureAllowed(durationMinutes);
        var duration = TimeSpan.FromMinutes(durationMinutes);
        var step = TimeSpan.FromMinutes(_rules!.SlotInterval ?? durationMinutes);
        var (first, last) = (from.AddDays(-1), to.AddDays(1)); // a block the day before can reach into the range
        var overrides = OverridesBetween(first, last);
        var busy = new Busy(Merge(BlockRanges(overrides, first, last)), Merge(_taken.Select(t => t.Blocked)), _rules);
        var starts = StartBounds(now);
        var counts = BookingCounts.For(_rules, _clock, _taken);
        var slots = new List<TimeRange>(((to.DayNumber - from.DayNumber) + 1) * 24);
        var windows = new List<TimeRange>(4);
        var sorted = true;

        var offset = _clock.SteadyOffset(from);
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            // Each date's offset is looked up once: for its windows, and as the end of the day before for the limits.
            var (dayOffset, nextOffset) = (offset, _clock.SteadyOffset(date.AddDays(1)));
            offset = nextOffset;
            var dayIsFull = counts?.Refusal(date, new TimeRange(_clock.ToInstant(date, 0, dayOffset), _clock.ToInstant(date.AddDays(1), 0, nextOffset))) is not null;
            if (dayIsFull && removed is null)
            {
                continue;
            }

            windows.Clear();
            AddWindows(overrides, date, dayOffset, OverrideType.Open, windows, includeWorkingHours: true);
            foreach (var window in windows)
            {
                for (var start = window.Start; start + duration <= window.End; start += step)
                {
                    var candidate = new TimeRange(start, start + duration);
                    if (removed is not null)
                    {
                        if (Removal(dayIsFull, starts.Refusal(start) ?? busy.Refusal(candidate)) is { } reason)
                        {
                            removed[(int)reason]++;
                            continue;
                        }
                    }
                    else if (starts.Refusal(start) is not null || busy.Refusal(candidate) is not null)
                    {
                        continue;
                    }

                    sorted &= slots.Count == 0 || slots[^1].Start < start;
                    slots.Add(candidate);
                }
            }
        }

        return sorted ? slots : SortedDistinct(slots);
    }

    private static EmptyReason? Removal(bool dayIsFull, ErrorCode? refusal) =>
        dayIsFull ? EmptyReason.LimitReached
        : refusal switch
        {
            null => null,
            ErrorCode.NoticeTooShort => EmptyReason.Passed,
            ErrorCode.BeyondHorizon => EmptyReason.BeyondHorizon,
            ErrorCode.ScheduleBlocked => EmptyReason.Blocked,
            _ => EmptyReason.FullyBooked,
        };

    /// <summary>
    /// Whether [start, start + duration) can be booked now; null when it can, otherwise the error in the spec's order
    /// (a start in the past, INVALID_DURATION, NOTICE_TOO_SHORT, BEYOND_HORIZON, OUTSIDE_WORKING_HOURS,
    /// SCHEDULE_BLOCKED, SLOT_UNAVAILABLE, BOOKING_LIMIT_REACHED).
    /// </summary>
    public ErrorCode? Check(DateTimeOffset start, int durationMinutes, DateTimeOffset now)
    {
        if (start < now)
        {
            return ErrorCode.ValidationError;
        }

        if (!Allows(durationMinutes))
        {
            return ErrorCode.InvalidDuration;
        }

        if (StartBounds(now).Refusal(start) is { } tooSoonOrLate)
        {
            return tooSoonOrLate;
        }

        var interval = new TimeRange(start, start.AddMinutes(durationMinutes));
        var first = _clock.LocalDate(interval.Start).AddDays(-1);
        var last = _clock.LocalDate(interval.End).AddDays(1);

        var overrides = OverridesBetween(first, last);
        var windows = new List<TimeRange>();
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            AddWindows(overrides, date, _clock.SteadyOffset(date), OverrideType.Open, windows, includeWorkingHours: true);
        }

        if (!windows.Exists(w => w.Contains(interval)))
        {
            return ErrorCode.OutsideWorkingHours;
        }

        var busy = new Busy(Merge(BlockRanges(overrides, first, last)), Merge(_taken.Select(t => t.Blocked)), _rules!);
        return busy.Refusal(interval) ?? BookingCounts.For(_rules!, _clock, _taken)?.Refusal(start);
    }

    /// <summary>How far from the requested start alternatives are searched (spec §11.3).</summary>
    public static readonly TimeSpan AlternativesReach = TimeSpan.FromDays(14);

    /// <summary>
    /// Up to <paramref name="count"/> bookable slots of this duration nearest to <paramref name="start"/>, within
    /// <see cref="AlternativesReach"/> either side, nearest first (at equal distance the later one first). They are
    /// slots as <see cref="ListSlots"/> lists them, so each is bookable now. Needs the bookings of
    /// <see cref="ScheduleSpan.ForAlternatives"/>.
    /// </summary>
    public List<TimeRange> Alternatives(DateTimeOffset start, int durationMinutes, DateTimeOffset now, int count = 3)
    {
        if (!Allows(durationMinutes))
        {
            return [];
        }

        var date = _clock.LocalDate(start);
        return Nearest(ListSlots(date.AddDays(-15), date.AddDays(15), durationMinutes, now), start, count);
    }

    /// <summary>
    /// <see cref="Alternatives"/> from the local day before the requested start's to the day after (bookings of
    /// <see cref="ScheduleSpan.ForNearAlternatives"/> suffice), when those days settle it: when they hold
    /// <paramref name="count"/> slots each nearer than any start outside them. Otherwise null: search wide.
    /// </summary>
    public List<TimeRange>? NearAlternatives(DateTimeOffset start, int durationMinutes, DateTimeOffset now, int count = 3)
    {
        if (!Allows(durationMinutes))
        {
            return [];
        }

        var date = _clock.LocalDate(start);
        var (first, last) = (date.AddDays(-1), date.AddDays(1));
        var nearest = Nearest(ListSlots(first, last, durationMinutes, now), start, count);
        var covered = Min(start - _clock.ToInstant(first, 0, _clock.SteadyOffset(first)), _clock.ToInstant(last.AddDays(1), 0, _clock.SteadyOffset(last.AddDays(1))) - start);
        return nearest.Count == count && nearest.TrueForAll(s => (s.Start - start).Duration() < covered) ? nearest : null;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    /// <summary>The slots within <see cref="AlternativesReach"/>, nearest first (the later one first at equal distance), at most count.</summary>
    private static List<TimeRange> Nearest(List<TimeRange> slots, DateTimeOffset start, int count)
    {
        slots.RemoveAll(s => (s.Start - start).Duration() > AlternativesReach);
        slots.Sort((a, b) =>
        {
            var nearer = (a.Start - start).Duration().CompareTo((b.Start - start).Duration());
            return nearer != 0 ? nearer : b.Start.CompareTo(a.Start);
        });
        return slots.Count > count ? slots[..count] : slots;
    }

    /// <summary>The booking or hold whose blocked window a booking here would meet (the earliest), if any.</summary>
    public TakenTime? Conflict(DateTimeOffset start, int durationMinutes)
    {
        var blocked = BlockedWindow(new TimeRange(start, start.AddMinutes(durationMinutes)), _rules);
        return _taken.Where(t => t.Blocked.Overlaps(blocked)).OrderBy(t => t.Interval.Start).Select(t => (TakenTime?)t).FirstOrDefault();
    }

    /// <summary>The daily or weekly limit a booking starting then would break (daily first), or null; holds count toward none.</summary>
    public ErrorCode? LimitRefusal(DateTimeOffset start) =>
        _rules is null ? null : BookingCounts.For(_rules, _clock, _taken)?.Refusal(start);

    /// <summary>The blocked window a booking of this interval would occupy under the human's buffers.</summary>
    public static TimeRange BlockedWindow(TimeRange interval, WorkingHours? rules) =>
        rules is null ? interval : new(interval.Start.AddMinutes(-rules.BufferBefore), interval.End.AddMinutes(rules.BufferAfter));

    private void EnsureAllowed(int durationMinutes)
    {
        if (!Allows(durationMinutes))
        {
            throw new DomainException(
                ErrorCode.InvalidDuration,
                _rules is null
                    ? "This human has no availability rules yet, so no duration can be booked."
                    : $"duration must be one of this human's meeting_durations: {string.Join(", ", _rules.MeetingDurations)}.");
        }
    }

    private StartWindow StartBounds(DateTimeOffset now) => new(
        now.AddMinutes(_rules?.MinimumNotice ?? 0),
        _rules?.BookingHorizonDays is { } days ? now.AddDays(days) : DateTimeOffset.MaxValue);

    /// <summary>The overrides whose span meets first..last, so each date's scan skips the rest of a long history.</summary>
    private List<ScheduleOverride> OverridesBetween(DateOnly first, DateOnly last)
    {
        var overrides = new List<ScheduleOverride>();
        foreach (var scheduleOverride in _overrides)
        {
            if (scheduleOverride.MayOccurBetween(first, last))
            {
                overrides.Add(scheduleOverride);
            }
        }

        return overrides;
    }

    /// <summary>The working windows (when asked) and every override window of this type on a date.</summary>
    private void AddWindows(List<ScheduleOverride> overrides, DateOnly date, TimeSpan? offset, OverrideType type, List<TimeRange> windows, bool includeWorkingHours)
    {
        if (includeWorkingHours && _rules is not null)
        {
            foreach (var window in _rules.WindowsOn(Weekdays.Of(date)))
            {
                windows.Add(Window(date, window.Start.Minutes, window.End.Minutes, offset));
            }
        }

        foreach (var scheduleOverride in overrides)
        {
            if (scheduleOverride.Type == type && scheduleOverride.OccursOn(date))
            {
                windows.Add(Window(date, scheduleOverride.WindowStartMinutes, scheduleOverride.WindowEndMinutes, offset));
            }
        }
    }

    private TimeRange Window(DateOnly date, int startMinutes, int endMinutes, TimeSpan? offset) =>
        new(_clock.ToInstant(date, startMinutes, offset), _clock.ToInstant(date, endMinutes, offset));

    private List<TimeRange> BlockRanges(List<ScheduleOverride> overrides, DateOnly first, DateOnly last)
    {
        var blocks = new List<TimeRange>();
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            AddWindows(overrides, date, _clock.SteadyOffset(date), OverrideType.Block, blocks, includeWorkingHours: false);
        }

        return blocks;
    }

    /// <summary>
    /// Ranges as one sorted list of disjoint ranges (touching ones joined), so one binary search answers "does this meet
    /// any?"; also how a read of many bookings keeps only the union of their blocked time.
    /// </summary>
    public static TimeRange[] Merge(IEnumerable<TimeRange> ranges)
    {
        var all = ranges.ToArray();
        Array.Sort(all, static (a, b) => a.Start.CompareTo(b.Start));
        var count = 0;
        foreach (var range in all)
        {
            if (count > 0 && range.Start <= all[count - 1].End)
            {
                if (range.End > all[count - 1].End)
                {
                    all[count - 1] = all[count - 1] with { End = range.End };
                }
            }
            else
            {
                all[count++] = range;
            }
        }

        return all[..count];
    }

    private static bool OverlapsAny(TimeRange[] busy, TimeRange candidate)
    {
        // busy is disjoint and sorted, so its ends are sorted too: find the first range ending after the candidate starts.
        int low = 0, high = busy.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (busy[middle].End <= candidate.Start)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low < busy.Length && busy[low].Start < candidate.End;
    }

    private static List<TimeRange> SortedDistinct(List<TimeRange> slots)
    {
        slots.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
        var count = 0;
        for (var i = 0; i < slots.Count; i++)
        {
            if (count == 0 || slots[count - 1] != slots[i])
            {
                slots[count++] = slots[i];
            }
        }

        slots.RemoveRange(count, slots.Count - count);
        return slots;
    }

    /// <summary>The earliest and latest start the notice and the horizon allow.</summary>
    private readonly record struct StartWindow(DateTimeOffset Earliest, DateTimeOffset Latest)
    {
        public ErrorCode? Refusal(DateTimeOffset start) =>
            start < Earliest ? ErrorCode.NoticeTooShort
            : start > Latest ? ErrorCode.BeyondHorizon
            : null;
    }

    /// <summary>
    /// What occupies time: blocks, which the interval itself must not meet, and the blocked windows of confirmed
    /// bookings, which the interval's own blocked window must not meet (buffers may reach into blocks).
    /// </summary>
    private readonly record struct Busy(TimeRange[] Blocks, TimeRange[] Blocked, WorkingHours Rules)
    {
        public ErrorCode? Refusal(TimeRange interval) =>
            OverlapsAny(Blocks, interval) ? ErrorCode.ScheduleBlocked
            : OverlapsAny(Blocked, BlockedWindow(interval, Rules)) ? ErrorCode.SlotUnavailable
            : null;
    }

    /// <summary>
    /// Confirmed bookings (not holds) per local day and ISO week, for a human with daily or weekly limits. A booking counts toward
    /// the local date whose day (from its 00:00 to the next date's 00:00, as instants) holds its start; counted by
    /// binary search over the sorted starts, so no booking's start is converted to local time.
    /// </summary>
    private sealed class BookingCounts(WorkingHours rules, ZoneClock clock, List<long> starts)
    {
        private readonly Dictionary<int, int> _perWeek = [];

        public static BookingCounts? For(WorkingHours rules, ZoneClock clock, IReadOnlyList<TakenTime> taken)
        {
            if (!rules.HasBookingLimits)
            {
                return null;
            }

            var starts = new List<long>(taken.Count);
            foreach (var time in taken)
            {
                if (!time.Held)
                {
                    starts.Add(time.Interval.Start.UtcTicks);
                }
            }

            starts.Sort();
            return new BookingCounts(rules, clock, starts);
        }

        /// <summary>The limit a booking starting at this instant would break, daily first.</summary>
        public ErrorCode? Refusal(DateTimeOffset start)
        {
            var date = clock.LocalDate(start);
            var day = Day(date);
            if (start < day.Start)
            {
                (date, day) = (date.AddDays(-1), Day(date.AddDays(-1)));
            }
            else if (start >= day.End)
            {
                (date, day) = (date.AddDays(1), Day(date.AddDays(1)));
            }

            return Refusal(date, day);
        }

        /// <summary>The limit a booking on this local date would break, daily first; <paramref name="day"/> is its span.</summary>
        public ErrorCode? Refusal(DateOnly date, TimeRange day)
        {
            if (rules.DailyBookingLimit is { } daily && Count(day) >= daily)
            {
                return ErrorCode.DailyBookingLimitReached;
            }

            if (rules.WeeklyBookingLimit is { } weekly)
            {
                var monday = date.AddDays(-(Weekdays.Of(date) - 1));
                if (!_perWeek.TryGetValue(monday.DayNumber, out var count))
                {
                    count = Count(new TimeRange(Day(monday).Start, Day(monday.AddDays(7)).Start));
                    _perWeek[monday.DayNumber] = count;
                }

                if (count >= weekly)
                {
                    return ErrorCode.WeeklyBookingLimitReached;
                }
            }

            return null;
        }

        private TimeRange Day(DateOnly date) => new(
            clock.ToInstant(date, 0, clock.SteadyOffset(date)),
            clock.ToInstant(date.AddDays(1), 0, clock.SteadyOffset(date.AddDays(1))));

        private int Count(TimeRange span) => LowerBound(span.End.UtcTicks) - LowerBound(span.Start.UtcTicks);

        private int LowerBound(long ticks)
        {
            int low = 0, high = starts.Count;
            while (low < high)
            {
                var middle = (low + high) >>> 1;
                if (starts[middle] < ticks)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            return low;
        }
    }
}

namespace Slotflow.Domain.Scheduling;

/// <summary>A slot of a pool of humans (spec §12): its interval and who is free for it, in the order the pool was given.</summary>
public sealed record PooledSlot(TimeRange Slot, IReadOnlyList<Guid> HumanIds);

/// <summary>Several humans at once (spec §12): their slots as one list, and whom a pooled booking tries first.</summary>
public static class SlotPool
{
    /// <summary>The most humans one pooled request may name.</summary>
    public const int MaxHumans = 20;

    /// <summary>
    /// The union of each human's slots (given in the pool's order), by start; each slot lists the humans free for it
    /// in that order. Slots of one duration with one start are one slot.
    /// </summary>
    public static List<PooledSlot> Union(IEnumerable<(Guid HumanId, IReadOnlyList<TimeRange> Slots)> humans)
    {
        var byStart = new SortedDictionary<TimeRange, List<Guid>>(Comparer<TimeRange>.Create((a, b) =>
        {
            var start = a.Start.CompareTo(b.Start);
            return start != 0 ? start : a.End.CompareTo(b.End);
        }));
        foreach (var (humanId, slots) in humans)
        {
            foreach (var slot in slots)
            {
                if (!byStart.TryGetValue(slot, out var free))
                {
                    byStart[slot] = free = [];
                }

                if (!free.Contains(humanId))
                {
                    free.Add(humanId);
                }
            }
        }

        return [.. byStart.Select(pair => new PooledSlot(pair.Key, pair.Value))];
    }

    /// <summary>
    /// The <paramref name="count"/> pooled slots nearest to <paramref name="start"/> (at equal distance the later one
    /// first), from each human's own nearest ones: a slot among the pool's nearest is among the nearest of every
    /// human free for it, so the humans it lists are all of them.
    /// </summary>
    public static List<PooledSlot> Nearest(IEnumerable<(Guid HumanId, IReadOnlyList<TimeRange> Slots)> nearestOfEach, DateTimeOffset start, int count = 3)
    {
        var union = Union(nearestOfEach);
        union.Sort((a, b) =>
        {
            var nearer = (a.Slot.Start - start).Duration().CompareTo((b.Slot.Start - start).Duration());
            return nearer != 0 ? nearer : b.Slot.Start.CompareTo(a.Slot.Start);
        });
        return union.Count > count ? union[..count] : union;
    }

    /// <summary>
    /// The order a pooled booking tries its humans in: fewest confirmed bookings in the week first, ties in the
    /// order given (<paramref name="bookingsThisWeek"/> is by position in <paramref name="humanIds"/>).
    /// </summary>
    public static List<Guid> FairOrder(IReadOnlyList<Guid> humanIds, IReadOnlyList<int> bookingsThisWeek) =>
        [.. humanIds.Select((id, index) => (id, index)).OrderBy(h => bookingsThisWeek[h.index]).ThenBy(h => h.index).Select(h => h.id)];
}

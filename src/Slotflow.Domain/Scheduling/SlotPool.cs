namespace Slotflow.Domain.Scheduling;

/// <summary>A slot of a pool of humans (spec §12): its interval and who is free for it, in the order the pool was given.</summary>
public sealed record PooledSlot(TimeRange Slot, IReadOnlyList<Guid> HumanIds);

/// <summary>Several humans at once (spec §12): their slots as one list, and whom a pooled booking tries first.</summary>
public static class SlotPool
{
    /// <summary>The most humans one pooled request may name.</summary>
    public const int MaxHumans = 20;

    /// <summary>
    /// The union of each human's slots (given in the pool's order, each human's sorted by start as the engine lists
    /// them), by start; each slot lists the humans free for it in that order. Slots with one start and one end are
    /// one slot. Each human's list is merged into the union so far as it comes, so a caller that computes the lists
    /// lazily keeps only one alive at a time: the pool costs its humans' slot lists and little more.
    /// </summary>
    public static List<PooledSlot> Union(IEnumerable<(Guid HumanId, IReadOnlyList<TimeRange> Slots)> humans)
    {
        var pool = new List<Guid>();
        var union = new List<(TimeRange Slot, ulong Free)>();
        var merged = new List<(TimeRange Slot, ulong Free)>();
        foreach (var (humanId, slots) in humans)
        {
            if (pool.Count == PoolMembers.MaxPool)
            {
                throw new ArgumentOutOfRangeException(nameof(humans), $"A pool has at most {PoolMembers.MaxPool} humans.");
            }

            var bit = 1UL << pool.Count;
            pool.Add(humanId);
            merged.Clear();
            var (u, h) = (0, 0);
            while (u < union.Count || h < slots.Count)
            {
                if (h > 0 && h < slots.Count && slots[h] == slots[h - 1])
                {
                    h++; // listed twice by one human
                }
                else if (h == slots.Count || (u < union.Count && Before(union[u].Slot, slots[h])))
                {
                    merged.Add(union[u++]);
                }
                else if (u == union.Count || Before(slots[h], union[u].Slot))
                {
                    merged.Add((slots[h++], bit));
                }
                else
                {
                    merged.Add((slots[h++], union[u++].Free | bit));
                }
            }

            (union, merged) = (merged, union);
        }

        var ids = pool.ToArray();
        return union.ConvertAll(s => new PooledSlot(s.Slot, new PoolMembers(ids, s.Free)));
    }

    private static bool Before(TimeRange a, TimeRange b) => a.Start < b.Start || (a.Start == b.Start && a.End < b.End);

    /// <summary>
    /// The <paramref name="count"/> pooled slots nearest to <paramref name="start"/> (at equal distance the later one
    /// first), from each human's own nearest ones: a slot among the pool's nearest is among the nearest of every
    /// human free for it, so the humans it lists are all of them.
    /// </summary>
    public static List<PooledSlot> Nearest(IEnumerable<(Guid HumanId, IReadOnlyList<TimeRange> Slots)> nearestOfEach, DateTimeOffset start, int count = 3)
    {
        var union = Union([.. nearestOfEach.Select(h => (h.HumanId, (IReadOnlyList<TimeRange>)[.. h.Slots.OrderBy(s => s.Start).ThenBy(s => s.End)]))]);
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

/// <summary>
/// Who of a pool is free for one slot, in the pool's order: one bit per human, so a month of pooled slots is a
/// small object each rather than a list each (the union's largest cost when it built lists).
/// </summary>
public sealed class PoolMembers(Guid[] pool, ulong members) : IReadOnlyList<Guid>
{
    /// <summary>The most humans one set can name (one bit each).</summary>
    public const int MaxPool = 64;

    public int Count { get; } = System.Numerics.BitOperations.PopCount(members);

    public Guid this[int index] => this.ElementAt(index);

    public IEnumerator<Guid> GetEnumerator()
    {
        for (var rest = members; rest != 0; rest &= rest - 1)
        {
            yield return pool[System.Numerics.BitOperations.TrailingZeroCount(rest)];
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

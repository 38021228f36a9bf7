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
    /// one slot. A merge of the sorted lists: the pool costs its humans' slot lists and little more.
    /// </summary>
    public static List<PooledSlot> Union(IReadOnlyList<(Guid HumanId, IReadOnlyList<TimeRange> Slots)> humans)
    {
        var next = new int[humans.Count];
        var heads = new PriorityQueue<int, (DateTimeOffset Start, DateTimeOffset End, int Human)>(humans.Count);
        for (var h = 0; h < humans.Count; h++)
        {
            Enqueue(h);
        }

        var union = new List<PooledSlot>();
        List<Guid>? free = null;
        while (heads.TryDequeue(out var human, out var head))
        {
            var slot = humans[human].Slots[next[human]++];
            if (free is null || union[^1].Slot != slot)
            {
                union.Add(new PooledSlot(slot, free = []));
            }

            if (free.Count == 0 || free[^1] != humans[human].HumanId)
            {
                free.Add(humans[human].HumanId);
            }

            Enqueue(human);
        }

        return union;

        void Enqueue(int human)
        {
            if (next[human] < humans[human].Slots.Count)
            {
                var slot = humans[human].Slots[next[human]];
                heads.Enqueue(human, (slot.Start, slot.End, human));
            }
        }
    }

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

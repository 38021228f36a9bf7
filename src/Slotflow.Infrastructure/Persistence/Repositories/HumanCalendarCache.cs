using Microsoft.Extensions.Caching.Memory;
using Slotflow.Domain.Humans;

namespace Slotflow.Infrastructure.Persistence.Repositories;

/// <summary>
/// Each human's calendar (the untracked human and its overrides) as last read for a slot query, with the
/// <see cref="Human.Version"/> it was read at. Exact across processes: a copy is used only when the human row just read
/// shows the same version, and every change to a human (its rules, overrides, bookings, deactivation) bumps it.
/// Shared between requests and never changed; bounded like <see cref="ScheduleOverrideCache"/>.
/// </summary>
internal sealed class HumanCalendarCache : IDisposable
{
    private readonly MemoryCache _copies = new(new MemoryCacheOptions { SizeLimit = ScheduleOverrideCache.MaxOverridesHeld });

    /// <summary>The calendar kept for this human at <paramref name="version"/>, or null.</summary>
    public HumanCalendar? Find(Guid humanId, int version) =>
        _copies.TryGetValue(humanId, out HumanCalendar? calendar) && calendar!.Human.Version == version ? calendar : null;

    public void Keep(HumanCalendar calendar) =>
        _copies.Set(calendar.Human.Id, calendar, new MemoryCacheEntryOptions { Size = calendar.Overrides.Count + 1 });

    public void Dispose() => _copies.Dispose();
}

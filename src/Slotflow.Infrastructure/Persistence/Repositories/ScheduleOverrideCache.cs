using Microsoft.Extensions.Caching.Memory;
using Slotflow.Domain.Humans;

namespace Slotflow.Infrastructure.Persistence.Repositories;

/// <summary>
/// Each human's overrides as last read, with the <see cref="Human.OverridesVersion"/> they were read at. Exact across
/// processes: a copy is used only when the human row just read shows the same version, and every add or delete bumps
/// it. A copy read after the version may hold newer overrides than its version, never older ones, and a booking
/// decided on it still commits only if the human's token is unchanged. Bounded by the overrides held (evicting
/// the least recently used); the copies are shared between requests and never changed.
/// </summary>
internal sealed class ScheduleOverrideCache : IDisposable
{
    /// <summary>About 100 humans at the cap, some 20 MB; a human with none costs one unit.</summary>
    public const int MaxOverridesHeld = 100_000;

    private readonly MemoryCache _copies = new(new MemoryCacheOptions { SizeLimit = MaxOverridesHeld });

    /// <summary>The copy kept for this human, or null; it is current only where the human row shows its version.</summary>
    public Copy? Find(Guid humanId) => _copies.TryGetValue(humanId, out Copy? copy) ? copy : null;

    public void Keep(Human human, IReadOnlyList<ScheduleOverride> overrides) =>
        _copies.Set(human.Id, new Copy(human.OverridesVersion, overrides), new MemoryCacheEntryOptions { Size = overrides.Count + 1 });

    public void Dispose() => _copies.Dispose();

    public sealed record Copy(int Version, IReadOnlyList<ScheduleOverride> Overrides);
}

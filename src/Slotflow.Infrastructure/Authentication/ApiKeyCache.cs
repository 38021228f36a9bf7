using System.Collections.Concurrent;
using Slotflow.Application.Organizations;

namespace Slotflow.Infrastructure.Authentication;

/// <summary>
/// Active API keys by hash, each trusted for <see cref="MaxAge"/> after it was read, so most requests authenticate
/// without a database round trip. A key revoked through this instance is forgotten at once; through another
/// instance it stops working here within <see cref="MaxAge"/>. Only keys found active are kept (an unknown or
/// revoked key is looked up every time), so the entries are bounded by the keys that exist.
/// </summary>
public sealed class ApiKeyCache : IApiKeyCache
{
    /// <summary>The longest a key revoked elsewhere keeps authenticating on this instance.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, Entry> _keys = new(StringComparer.Ordinal);

    public bool TryGet(string hash, DateTimeOffset now, out ActiveApiKey key)
    {
        // A clock that went back also makes the entry untrusted.
        if (_keys.TryGetValue(hash, out var entry) && now >= entry.ReadAt && now - entry.ReadAt < MaxAge)
        {
            key = entry.Key;
            return true;
        }

        key = null!;
        return false;
    }

    internal void Keep(string hash, ActiveApiKey key, DateTimeOffset readAt) => _keys[hash] = new Entry(key, readAt);

    /// <summary>After this instance recorded a use, so the next requests do not record it again.</summary>
    public void NoteUse(string hash, DateTimeOffset usedAt)
    {
        if (_keys.TryGetValue(hash, out var entry))
        {
            _keys.TryUpdate(hash, entry with { Key = entry.Key with { LastUsedAt = usedAt } }, entry);
        }
    }

    public void Forget(Guid apiKeyId)
    {
        foreach (var (hash, entry) in _keys)
        {
            if (entry.Key.Id == apiKeyId)
            {
                _keys.TryRemove(hash, out _);
            }
        }
    }

    private sealed record Entry(ActiveApiKey Key, DateTimeOffset ReadAt);
}

public sealed record ActiveApiKey(Guid Id, Guid OrganizationId, DateTimeOffset? LastUsedAt);

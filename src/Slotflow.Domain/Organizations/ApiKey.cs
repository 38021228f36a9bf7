namespace Slotflow.Domain.Organizations;

/// <summary>One API key of an organization, stored as a hash.</summary>
public sealed class ApiKey
{
    private ApiKey(Guid id, Guid organizationId, string name, string prefix, string hash, DateTimeOffset createdAt)
    {
        Id = id;
        OrganizationId = organizationId;
        Name = name;
        Prefix = prefix;
        Hash = hash;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public Guid OrganizationId { get; private set; }

    public string Name { get; private set; }

    public string Prefix { get; private set; }

    public string Hash { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>When the key last authenticated a request, to the minute (recorded at most once a minute).</summary>
    public DateTimeOffset? LastUsedAt { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    /// <summary>Revokes the key from now on; revoking a revoked key keeps its first revocation time.</summary>
    public void Revoke(DateTimeOffset now) => RevokedAt ??= now.ToUniversalTime();

    internal static ApiKey For(Guid organizationId, string name, string plaintext, DateTimeOffset now) =>
        new(Guid.NewGuid(), organizationId, name, ApiKeySecret.DisplayPrefix(plaintext), ApiKeySecret.Hash(plaintext), now);
}

namespace Slotflow.Infrastructure.Persistence.Repositories;

/// <summary>
/// The organization versions this request's reads have seen (one scope's), so that a copy kept at an organization's
/// version (its webhooks, <see cref="WebhookListCache"/>) can be used without a round trip to check it.
/// </summary>
internal sealed class OrganizationVersions
{
    private readonly Dictionary<Guid, int> _seen = [];

    public void Saw(Guid organizationId, int version) => _seen[organizationId] = version;

    public int? Seen(Guid organizationId) => _seen.TryGetValue(organizationId, out var version) ? version : null;
}

using Slotflow.Domain.Common;

namespace Slotflow.Domain.Organizations;

/// <summary>A customer: its plan, its keys, and the counters its plan caps.</summary>
public sealed class Organization
{
    public const int MaxNameLength = 200;

    private readonly List<ApiKey> _apiKeys = [];

    private Organization(Guid id, string name, Plan plan, bool autoPurchase, DateTimeOffset createdAt)
    {
        Id = id;
        Name = name;
        Plan = plan;
        AutoPurchase = autoPurchase;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    public Plan Plan { get; private set; }

    /// <summary>Buy an overage pack instead of refusing a booking at the monthly limit (paid plans only).</summary>
    public bool AutoPurchase { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Concurrency token: bumped by every change that a plan cap guards, so two of them cannot both pass the cap.</summary>
    public int Version { get; private set; }

    public IReadOnlyCollection<ApiKey> ApiKeys => _apiKeys;

    public PlanLimits Limits => PlanLimits.For(Plan);

    public static Organization Create(string name, Plan plan, bool autoPurchase, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength)
        {
            throw DomainException.Invalid($"name must be 1 to {MaxNameLength} characters and not blank.");
        }

        if (autoPurchase && !PlanLimits.For(plan).AllowsOverage)
        {
            throw DomainException.Invalid("auto_purchase is only available on paid plans (starter, growth).");
        }

        return new Organization(Guid.NewGuid(), name, plan, autoPurchase, now.ToUniversalTime());
    }

    /// <summary>
    /// Moves the organization to <paramref name="plan"/> and sets auto-purchase (kept as it is when null; turned off by
    /// a move to a plan without overage). A downgrade below current usage is allowed: later bookings, humans and
    /// webhooks follow the new caps. Bumps the version, so a cap claimed concurrently under the old plan conflicts.
    /// </summary>
    public void ChangePlan(Plan plan, bool? autoPurchase)
    {
        var allowsOverage = PlanLimits.For(plan).AllowsOverage;
        if (autoPurchase == true && !allowsOverage)
        {
            throw DomainException.Invalid("auto_purchase is only available on paid plans (starter, growth).");
        }

        Plan = plan;
        AutoPurchase = allowsOverage && (autoPurchase ?? AutoPurchase);
        Version++;
    }

    /// <summary>Revokes one of the organization's keys (loaded with it); revoking twice is harmless.</summary>
    public ApiKey RevokeApiKey(Guid apiKeyId, DateTimeOffset now)
    {
        var key = _apiKeys.FirstOrDefault(k => k.Id == apiKeyId) ?? throw DomainException.NotFound("API key");
        key.Revoke(now);
        return key;
    }

    /// <summary>Issues a new random key and returns its plaintext, which is never stored.</summary>
    public string IssueApiKey(string name, DateTimeOffset now)
    {
        var plaintext = ApiKeySecret.Generate();
        AddApiKey(name, plaintext, now);
        return plaintext;
    }

    /// <summary>Registers a key whose plaintext is already known (the development organization's configured key).</summary>
    public void AddApiKey(string name, string plaintext, DateTimeOffset now)
    {
        if (!ApiKeySecret.IsWellFormed(plaintext))
        {
            throw DomainException.Invalid($"An API key must look like {ApiKeySecret.KeyPrefix} followed by 32 lowercase letters or digits.");
        }

        _apiKeys.Add(ApiKey.For(Id, name, plaintext, now.ToUniversalTime()));
    }

    /// <summary>Admits one more webhook, or refuses at the plan's cap (growth has none).</summary>
    public void ClaimWebhookSlot(int webhooks)
    {
        if (Limits.MaxWebhooks is { } cap && webhooks >= cap)
        {
            throw new DomainException(
                ErrorCode.LimitReached,
                $"The {Plan.ToString().ToLowerInvariant()} plan allows {cap} webhook(s).");
        }

        Version++;
    }

    /// <summary>Notes a deleted webhook: the version bump tells every copy of the webhook list that it is stale.</summary>
    public void ReleaseWebhookSlot() => Version++;

    /// <summary>Admits one more active human, or refuses at the plan's cap.</summary>
    public void ClaimHumanSeat(int activeHumans)
    {
        if (activeHumans >= Limits.MaxHumans)
        {
            throw new DomainException(
                ErrorCode.LimitReached,
                $"The {Plan.ToString().ToLowerInvariant()} plan allows {Limits.MaxHumans} active human(s).");
        }

        Version++;
    }
}

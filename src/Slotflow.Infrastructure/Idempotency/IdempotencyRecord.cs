namespace Slotflow.Infrastructure.Idempotency;

/// <summary>One Idempotency-Key of one organization: the request it stands for and, once done, the response to replay.</summary>
public sealed class IdempotencyRecord
{
    public Guid OrganizationId { get; set; }

    public string Key { get; set; } = string.Empty;

    /// <summary>SHA-256 of method, path and body: the same key with another request is refused.</summary>
    public string RequestHash { get; set; } = string.Empty;

    /// <summary>Null while the first request is still running.</summary>
    public int? ResponseStatus { get; set; }

    public string? ResponseBody { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}

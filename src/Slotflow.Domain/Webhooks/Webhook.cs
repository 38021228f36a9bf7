using System.Security.Cryptography;
using Slotflow.Domain.Common;

namespace Slotflow.Domain.Webhooks;

/// <summary>A subscription of an organization to booking events, signed with its own secret (spec §4, §9).</summary>
public sealed class Webhook
{
    public const string BookingConfirmed = "booking.confirmed";
    public const string BookingCancelled = "booking.cancelled";
    public const string BookingRescheduled = "booking.rescheduled";
    public const int MaxUrlLength = 2048;
    public const string SecretPrefix = "whsec_";

    public static readonly IReadOnlyList<string> KnownEvents = [BookingConfirmed, BookingCancelled, BookingRescheduled];

    private Webhook(Guid id, Guid organizationId, string url, IReadOnlyList<string> events, string signingSecret, DateTimeOffset createdAt)
    {
        Id = id;
        OrganizationId = organizationId;
        Url = url;
        Events = events;
        SigningSecret = signingSecret;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public Guid OrganizationId { get; private set; }

    /// <summary>Canonical (<see cref="WebhookUrl.Canonicalize"/>) for every webhook created since URLs were stored so.</summary>
    public string Url { get; private set; }

    public IReadOnlyList<string> Events { get; private set; }

    /// <summary>
    /// "whsec_" and 32 bytes from a CSPRNG in standard base64: the whole string keys X-Slotflow-Signature, and the
    /// decoded bytes key webhook-signature, as Standard Webhooks verifiers expect.
    /// </summary>
    public string SigningSecret { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>An absolute http or https URL without whitespace or control characters (<see cref="WebhookUrl"/>).</summary>
    public static readonly string InvalidUrlMessage = $"url must be an absolute http or https URL of at most {MaxUrlLength} characters.";

    public static bool IsValidUrl(string? url) => WebhookUrl.Canonicalize(url) is not null;

    public static bool AreValidEvents(IReadOnlyCollection<string>? events) =>
        events is { Count: > 0 } && events.All(KnownEvents.Contains) && events.Distinct().Count() == events.Count;

    /// <summary>A new subscription; the URL is stored in its canonical form (<see cref="WebhookUrl.Canonicalize"/>).</summary>
    public static Webhook Create(Guid organizationId, string url, IReadOnlyCollection<string> events, DateTimeOffset now)
    {
        var canonicalUrl = WebhookUrl.Canonicalize(url)
            ?? throw DomainException.Invalid("url must be an absolute http or https URL without whitespace or control characters.");

        if (!AreValidEvents(events))
        {
            throw DomainException.Invalid($"events must be a non-empty list of distinct events from: {string.Join(", ", KnownEvents)}.");
        }

        var secret = SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        return new Webhook(Guid.NewGuid(), organizationId, canonicalUrl, [.. events], secret, now.ToUniversalTime());
    }
}

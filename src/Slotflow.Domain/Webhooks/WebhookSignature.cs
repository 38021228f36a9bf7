using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Slotflow.Domain.Webhooks;

/// <summary>The two signatures on every delivery: Slotflow's own (spec §9) and Standard Webhooks', for off-the-shelf verifiers.</summary>
public static class WebhookSignature
{
    /// <summary>X-Slotflow-Signature: <c>t=&lt;unix&gt;,v1=&lt;hex HMAC-SHA256 of "t.body"&gt;</c>, keyed with the whole secret's UTF-8 bytes.</summary>
    public static string SlotflowHeader(string signingSecret, long unixSeconds, string body)
    {
        var timestamp = unixSeconds.ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingSecret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"));
        return $"t={timestamp},v1={Convert.ToHexStringLower(mac)}";
    }

    /// <summary>webhook-signature: <c>v1,&lt;base64 HMAC-SHA256 of "id.t.body"&gt;</c>, keyed with the base64-decoded part after "whsec_".</summary>
    public static string StandardWebhooksHeader(string signingSecret, string messageId, long unixSeconds, string body)
    {
        var key = StandardWebhooksKey(signingSecret);
        var signed = $"{messageId}.{unixSeconds.ToString(CultureInfo.InvariantCulture)}.{body}";
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(signed)));
    }

    /// <summary>The part after "whsec_", decoded; secrets made before standard base64 was used are unpadded base64url.</summary>
    private static byte[] StandardWebhooksKey(string signingSecret)
    {
        var encoded = signingSecret[Webhook.SecretPrefix.Length..].Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(encoded.PadRight(encoded.Length + ((4 - (encoded.Length % 4)) % 4), '='));
    }
}

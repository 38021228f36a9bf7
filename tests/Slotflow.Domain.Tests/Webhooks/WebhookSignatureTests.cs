using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Slotflow.Domain.Webhooks;

namespace Slotflow.Domain.Tests.Webhooks;

public sealed class WebhookSignatureTests
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const long Timestamp = 1614265330;
    private const string Body = """{"test": 2432232314}""";

    /// <summary>The published test vector of the Standard Webhooks specification (and Svix's libraries).</summary>
    [Test]
    public void StandardWebhooksHeader_MatchesTheSpecificationsTestVector() =>
        Assert.That(
            WebhookSignature.StandardWebhooksHeader(Secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", Timestamp, Body),
            Is.EqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="));

    /// <summary>Secrets made before standard base64 was used are unpadded base64url; they still sign with the same key bytes.</summary>
    [Test]
    public void StandardWebhooksHeader_WithAnUnpaddedBase64UrlSecret_UsesTheSameKeyBytes()
    {
        var key = Enumerable.Range(0, 32).Select(i => (byte)(250 - i)).ToArray(); // encodes with '+', '/' and padding
        var standard = "whsec_" + Convert.ToBase64String(key);
        var urlSafe = "whsec_" + Convert.ToBase64String(key).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        Assert.That(urlSafe, Is.Not.EqualTo(standard));
        Assert.That(
            WebhookSignature.StandardWebhooksHeader(urlSafe, "msg_1", Timestamp, Body),
            Is.EqualTo(WebhookSignature.StandardWebhooksHeader(standard, "msg_1", Timestamp, Body)));
    }

    [Test]
    public void StandardWebhooksHeader_ChangesWithTheMessageId() =>
        Assert.That(
            WebhookSignature.StandardWebhooksHeader(Secret, "msg_other", Timestamp, Body),
            Is.Not.EqualTo(WebhookSignature.StandardWebhooksHeader(Secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", Timestamp, Body)));

    [Test]
    public void SlotflowHeader_IsTheTimestampAndLowercaseHex()
    {
        var header = WebhookSignature.SlotflowHeader(Secret, Timestamp, Body);

        Assert.That(header, Does.Match("^t=1614265330,v1=[0-9a-f]{64}$"));
    }

    [TestCase(Body)]
    [TestCase("")]
    [TestCase("""{"event":"booking.confirmed","data":{"attendee_name":"Zoë 🙂"}}""")]
    public void SlotflowHeader_IsHmacSha256OfTimestampDotBody_KeyedWithTheWholeSecret(string body) =>
        Assert.That(WebhookSignature.SlotflowHeader(Secret, Timestamp, body), Is.EqualTo(Expected(Secret, Timestamp, body)));

    [Test]
    public void SlotflowHeader_HashesANonAsciiBodyAsUtf8()
    {
        const string body = """{"attendee_name":"Zoë 🙂"}""";
        var utf8 = Encoding.UTF8.GetBytes($"{Timestamp}.{body}");
        var latin1 = Encoding.Latin1.GetBytes($"{Timestamp}.{body}");
        var key = Encoding.UTF8.GetBytes(Secret);

        var header = WebhookSignature.SlotflowHeader(Secret, Timestamp, body);

        Assert.Multiple(() =>
        {
            Assert.That(header, Does.EndWith("v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(key, utf8))));
            Assert.That(header, Does.Not.EndWith("v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(key, latin1))));
        });
    }

    [Test]
    public void SlotflowHeader_IsNotKeyedWithTheDecodedSecret()
    {
        var decodedKey = Convert.FromBase64String(Secret["whsec_".Length..]);
        var withDecodedKey = Convert.ToHexStringLower(HMACSHA256.HashData(decodedKey, Encoding.UTF8.GetBytes($"{Timestamp}.{Body}")));

        Assert.That(WebhookSignature.SlotflowHeader(Secret, Timestamp, Body), Does.Not.EndWith(withDecodedKey));
    }

    [Test]
    public void SlotflowHeader_ChangesWithTheBodyTheTimestampOrTheSecret()
    {
        var original = WebhookSignature.SlotflowHeader(Secret, Timestamp, Body);

        Assert.Multiple(() =>
        {
            Assert.That(WebhookSignature.SlotflowHeader(Secret, Timestamp, """{"test": 2432232315}"""), Is.Not.EqualTo(original));
            Assert.That(WebhookSignature.SlotflowHeader(Secret, Timestamp + 1, Body), Is.Not.EqualTo(original));
            Assert.That(WebhookSignature.SlotflowHeader(Secret + "A", Timestamp, Body), Is.Not.EqualTo(original));
        });
    }

    /// <summary>Computed here independently of the production code, as a receiver would verify it (spec §9).</summary>
    private static string Expected(string secret, long unixSeconds, string body)
    {
        var t = unixSeconds.ToString(CultureInfo.InvariantCulture);
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        var mac = hmac.ComputeHash(Encoding.UTF8.GetBytes(t + "." + body));
        return $"t={t},v1={Convert.ToHexString(mac).ToLowerInvariant()}";
    }
}

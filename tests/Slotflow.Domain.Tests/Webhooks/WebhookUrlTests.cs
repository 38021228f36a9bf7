using Slotflow.Domain.Webhooks;

namespace Slotflow.Domain.Tests.Webhooks;

public sealed class WebhookUrlTests
{
    [TestCase("https://example.com/h", "https://example.com/h")]
    [TestCase("https://EXAMPLE.com:443/h#x", "https://example.com/h")]
    [TestCase("HTTPS://Example.Com/h", "https://example.com/h")]
    [TestCase("http://example.com:80/h", "http://example.com/h")]
    [TestCase("https://example.com:80/h", "https://example.com:80/h")]
    [TestCase("http://example.com:443/h", "http://example.com:443/h")]
    [TestCase("https://example.com:08443/h", "https://example.com:8443/h")]
    [TestCase("https://example.com", "https://example.com/")]
    [TestCase("https://example.com/h#", "https://example.com/h")]
    [TestCase("https://example.com/Path/H?Q=1&b=Two#Frag", "https://example.com/Path/H?Q=1&b=Two")]
    [TestCase("https://example.com/a/./b/../c", "https://example.com/a/c")]
    [TestCase("https://user:pw@Example.com/h", "https://user:pw@example.com/h")]
    [TestCase("https://bücher.example/h", "https://xn--bcher-kva.example/h")]
    [TestCase("http://127.0.0.1:8080/hook?x=1", "http://127.0.0.1:8080/hook?x=1")]
    [TestCase("http://[2001:DB8::1]:8443/h", "http://[2001:db8::1]:8443/h")]
    public void Canonicalize_GivesOneSpellingPerEndpoint(string url, string canonical) =>
        Assert.That(WebhookUrl.Canonicalize(url), Is.EqualTo(canonical));

    [TestCase("https://example.com/a b", TestName = "Canonicalize_RefusesASpaceInThePath")]
    [TestCase(" https://example.com/h", TestName = "Canonicalize_RefusesALeadingSpace")]
    [TestCase("https://example.com/h ", TestName = "Canonicalize_RefusesATrailingSpace")]
    [TestCase("\thttps://example.com/h", TestName = "Canonicalize_RefusesATab")]
    [TestCase("https://example.com/h\r\nX-Injected: 1", TestName = "Canonicalize_RefusesCrLf")]
    [TestCase("https://example.com/h\n", TestName = "Canonicalize_RefusesATrailingLineFeed")]
    [TestCase("https://exa\rmple.com/h", TestName = "Canonicalize_RefusesACarriageReturnInTheHost")]
    [TestCase("https://exa\u0000mple.com/h", TestName = "Canonicalize_RefusesNul")]
    [TestCase("https://example.com/h\u007f", TestName = "Canonicalize_RefusesDelete")]
    [TestCase("https://example.com/h\u0085", TestName = "Canonicalize_RefusesNextLine")]
    [TestCase("https://example.com/\u00a0h", TestName = "Canonicalize_RefusesANoBreakSpace")]
    [TestCase("https://example.com/h\u2028", TestName = "Canonicalize_RefusesALineSeparator")]
    [TestCase("ftp://example.com/h", TestName = "Canonicalize_RefusesFtp")]
    [TestCase("file:///etc/passwd", TestName = "Canonicalize_RefusesFile")]
    [TestCase("mailto:someone@example.com", TestName = "Canonicalize_RefusesMailto")]
    [TestCase("/relative", TestName = "Canonicalize_RefusesARelativePath")]
    [TestCase("https://", TestName = "Canonicalize_RefusesAUrlWithoutHost")]
    [TestCase("not a url", TestName = "Canonicalize_RefusesText")]
    [TestCase("", TestName = "Canonicalize_RefusesEmpty")]
    [TestCase(null, TestName = "Canonicalize_RefusesNull")]
    public void Canonicalize_Refuses(string? url) =>
        Assert.That(WebhookUrl.Canonicalize(url), Is.Null);

    [Test]
    public void Canonicalize_AcceptsUpTo2048Characters_AndNoMore()
    {
        var longest = "https://example.com/" + new string('a', Webhook.MaxUrlLength - "https://example.com/".Length);

        Assert.Multiple(() =>
        {
            Assert.That(WebhookUrl.Canonicalize(longest), Is.EqualTo(longest));
            Assert.That(WebhookUrl.Canonicalize(longest + "a"), Is.Null);
        });
    }

    /// <summary>The stored form must fit the column too: escaping can make a short URL long.</summary>
    [Test]
    public void Canonicalize_RefusesAUrlWhoseEscapedFormIsLongerThan2048Characters() =>
        Assert.That(WebhookUrl.Canonicalize("https://example.com/" + new string('é', 1000)), Is.Null);

    [Test]
    public void Create_StoresTheCanonicalUrl() =>
        Assert.That(
            Webhook.Create(Guid.NewGuid(), "https://EXAMPLE.com:443/h#x", [Webhook.BookingConfirmed], DateTimeOffset.UnixEpoch).Url,
            Is.EqualTo("https://example.com/h"));
}

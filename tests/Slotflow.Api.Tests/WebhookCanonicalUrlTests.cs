using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Slotflow.Api.Tests.Support;

namespace Slotflow.Api.Tests;

/// <summary>POST /v1/webhooks stores one spelling per endpoint and refuses URLs with whitespace or control characters.</summary>
public sealed class WebhookCanonicalUrlTests : ServiceFixture
{

    [Test]
    public async Task Create_AnswersAndListsTheCanonicalUrl()
    {
        var organization = await Factory.CreateOrganizationAsync();

        var created = await organization.Client.PostAsync("/v1/webhooks", Body("HTTPS://Hooks.EXAMPLE.com:443/In/Path?A=1#section"));

        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var answered = await WireJson.ReadAsync(created);
        var list = await WireJson.ReadAsync(await organization.Client.GetAsync("/v1/webhooks"));
        Assert.Multiple(() =>
        {
            Assert.That(answered.GetProperty("url").GetString(), Is.EqualTo("https://hooks.example.com/In/Path?A=1"));
            Assert.That(list.GetProperty("webhooks")[0].GetProperty("url").GetString(), Is.EqualTo("https://hooks.example.com/In/Path?A=1"));
        });
    }

    [TestCase("https://EXAMPLE.com:443/h#x")]
    [TestCase("HTTPS://example.com/h")]
    [TestCase("https://example.com:443/h")]
    [TestCase("https://example.com/h#fragment")]
    public async Task Create_WithAnotherSpellingOfARegisteredUrl_Returns422NamingUrl_AndWritesNoRow(string spelling)
    {
        var organization = await Factory.CreateOrganizationAsync();
        var first = await organization.Client.PostAsync("/v1/webhooks", Body("https://example.com/h"));
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));

        var again = await organization.Client.PostAsync("/v1/webhooks", Body(spelling));

        var error = await WireJson.AssertErrorAsync(again, HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
        Assert.That(error.GetProperty("message").GetString(), Does.StartWith("url"));
        Assert.That(await UrlsAsync(organization), Is.EqualTo(new[] { "https://example.com/h" }));
    }

    [Test]
    public async Task Create_WithADifferentPathCaseOrPort_IsAnotherWebhook()
    {
        var organization = await Factory.CreateOrganizationAsync();

        foreach (var url in new[] { "https://example.com/h", "https://example.com/H", "https://example.com:8443/h", "http://example.com/h" })
        {
            var response = await organization.Client.PostAsync("/v1/webhooks", Body(url));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), url);
        }

        Assert.That(await UrlsAsync(organization), Has.Count.EqualTo(4));
    }

    [TestCase("https://example.com/a b", TestName = "Create_WithASpace_Returns422NamingUrl_AndWritesNoRow")]
    [TestCase(" https://example.com/h", TestName = "Create_WithALeadingSpace_Returns422NamingUrl_AndWritesNoRow")]
    [TestCase("https://example.com/h\t", TestName = "Create_WithATab_Returns422NamingUrl_AndWritesNoRow")]
    [TestCase("https://example.com/h\r\nX-Injected: 1", TestName = "Create_WithCrLf_Returns422NamingUrl_AndWritesNoRow")]
    [TestCase("https://exa\nmple.com/h", TestName = "Create_WithALineFeedInTheHost_Returns422NamingUrl_AndWritesNoRow")]
    [TestCase("https://example.com/h\u0000", TestName = "Create_WithNul_Returns422NamingUrl_AndWritesNoRow")]
    [TestCase("https://example.com/\u00a0h", TestName = "Create_WithANoBreakSpace_Returns422NamingUrl_AndWritesNoRow")]
    public async Task Create_WithWhitespaceOrControlCharacters_Returns422NamingUrl_AndWritesNoRow(string url)
    {
        var organization = await Factory.CreateOrganizationAsync();

        var response = await organization.Client.PostAsync("/v1/webhooks", Body(url));

        var error = await WireJson.AssertErrorAsync(response, HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
        Assert.That(error.GetProperty("message").GetString(), Is.EqualTo("url must not contain whitespace or control characters (spaces, tabs, CR, LF)."));
        Assert.That(await UrlsAsync(organization), Is.Empty);
    }

    /// <summary>The URL goes through the JSON encoder, so control characters arrive as escapes the server decodes.</summary>
    private static StringContent Body(string url) =>
        WireJson.Body($$"""{"url":{{JsonSerializer.Serialize(url)}},"events":["booking.confirmed"]}""");

    private Task<List<string>> UrlsAsync(TestOrganization organization) =>
        Factory.QueryAsync(db => db.Webhooks.Where(w => w.OrganizationId == organization.Id).Select(w => w.Url).ToListAsync());
}

using System.Net;
using System.Text.RegularExpressions;
using Slotflow.Api.Tests.Support;

namespace Slotflow.Api.Tests;

/// <summary>POST, GET and DELETE /v1/webhooks (spec §4–5, §8): registration only; delivery is not built yet.</summary>
public sealed partial class WebhooksEndpointTests : ServiceFixture
{
    private static readonly string[] WebhookFields = ["id", "url", "events", "signing_secret", "active", "created_at"];

    [Test]
    public async Task Create_Returns201WithAFreshSigningSecret_AndListShowsIt()
    {
        var organization = await Factory.CreateOrganizationAsync();

        var response = await organization.Client.PostAsync("/v1/webhooks", WireJson.Body(
            """{"url":"https://crm.example.com/hooks/slotflow","events":["booking.confirmed","booking.cancelled"]}"""));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var webhook = await WireJson.ReadAsync(response);
        var secret = webhook.GetProperty("signing_secret").GetString()!;
        Assert.Multiple(() =>
        {
            Assert.That(WireJson.PropertyNames(webhook), Is.EqualTo(WebhookFields));
            Assert.That(webhook.GetProperty("url").GetString(), Is.EqualTo("https://crm.example.com/hooks/slotflow"));
            Assert.That(webhook.GetProperty("events").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "booking.confirmed", "booking.cancelled" }));
            Assert.That(secret, Does.Match(SecretPattern()), "whsec_ and 32 random bytes, standard base64");
            Assert.That(webhook.GetProperty("active").GetBoolean(), Is.True, "both public SDKs declare active");
            Assert.That(webhook.GetProperty("created_at").GetString(), Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$"));
        });

        var list = await WireJson.ReadAsync(await organization.Client.GetAsync("/v1/webhooks"));
        Assert.Multiple(() =>
        {
            Assert.That(WireJson.PropertyNames(list), Is.EqualTo(new[] { "webhooks", "total" }));
            Assert.That(list.GetProperty("total").GetInt32(), Is.EqualTo(1));
            Assert.That(list.GetProperty("webhooks")[0].GetProperty("signing_secret").GetString(), Is.EqualTo(secret));
            Assert.That(WireJson.PropertyNames(list.GetProperty("webhooks")[0]), Is.EqualTo(WebhookFields));
            Assert.That(list.GetProperty("webhooks")[0].GetProperty("active").GetBoolean(), Is.True);
        });
    }

    [Test]
    public async Task EachWebhook_GetsItsOwnSecret()
    {
        var organization = await Factory.CreateOrganizationAsync();

        var first = await WireJson.ReadAsync(await organization.Client.PostAsync("/v1/webhooks", WireJson.Body("""{"url":"https://a.example.com/h","events":["booking.confirmed"]}""")));
        var second = await WireJson.ReadAsync(await organization.Client.PostAsync("/v1/webhooks", WireJson.Body("""{"url":"https://b.example.com/h","events":["booking.confirmed"]}""")));

        Assert.That(first.GetProperty("signing_secret").GetString(), Is.Not.EqualTo(second.GetProperty("signing_secret").GetString()));
    }

    [Test]
    public async Task Delete_RemovesTheWebhook_AndASecondDeleteIs404()
    {
        var organization = await Factory.CreateOrganizationAsync();
        var created = await WireJson.ReadAsync(await organization.Client.PostAsync("/v1/webhooks", WireJson.Body("""{"url":"https://a.example.com/h","events":["booking.cancelled"]}""")));
        var id = created.GetProperty("id").GetString();

        var response = await organization.Client.DeleteAsync($"/v1/webhooks/{id}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var body = await WireJson.ReadAsync(response);
        Assert.That((body.GetProperty("deleted").GetBoolean(), body.GetProperty("id").GetString()), Is.EqualTo((true, id)));
        Assert.That((await WireJson.ReadAsync(await organization.Client.GetAsync("/v1/webhooks"))).GetProperty("total").GetInt32(), Is.Zero);
        await WireJson.AssertErrorAsync(await organization.Client.DeleteAsync($"/v1/webhooks/{id}"), HttpStatusCode.NotFound, "NOT_FOUND");
        await WireJson.AssertErrorAsync(await organization.Client.DeleteAsync("/v1/webhooks/not-a-uuid"), HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Test]
    public async Task AnotherOrganizationsWebhook_IsInvisibleAndCannotBeDeleted()
    {
        var a = await Factory.CreateOrganizationAsync();
        var b = await Factory.CreateOrganizationAsync();
        var created = await WireJson.ReadAsync(await a.Client.PostAsync("/v1/webhooks", WireJson.Body("""{"url":"https://a.example.com/h","events":["booking.confirmed"]}""")));

        await WireJson.AssertErrorAsync(await b.Client.DeleteAsync($"/v1/webhooks/{created.GetProperty("id").GetString()}"), HttpStatusCode.NotFound, "NOT_FOUND");
        Assert.That((await WireJson.ReadAsync(await b.Client.GetAsync("/v1/webhooks"))).GetProperty("total").GetInt32(), Is.Zero);
        Assert.That((await WireJson.ReadAsync(await a.Client.GetAsync("/v1/webhooks"))).GetProperty("total").GetInt32(), Is.EqualTo(1));

        var sameUrlElsewhere = await b.Client.PostAsync("/v1/webhooks", WireJson.Body("""{"url":"https://a.example.com/h","events":["booking.confirmed"]}"""));
        Assert.That(sameUrlElsewhere.StatusCode, Is.EqualTo(HttpStatusCode.Created), "the URL is unique per organization only");
    }

    [Test]
    public async Task SameUrlTwiceInOneOrganization_Returns422()
    {
        var organization = await Factory.CreateOrganizationAsync();
        await organization.Client.PostAsync("/v1/webhooks", WireJson.Body("""{"url":"https://a.example.com/h","events":["booking.confirmed"]}"""));

        var again = await organization.Client.PostAsync("/v1/webhooks", WireJson.Body("""{"url":"https://a.example.com/h","events":["booking.cancelled"]}"""));

        var error = await WireJson.AssertErrorAsync(again, HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
        Assert.That(error.GetProperty("message").GetString(), Does.Contain("url"));
    }

    [TestCase("free", 2)]
    [TestCase("starter", 10)]
    public async Task OverThePlansCap_Returns402_EvenWhenRacing(string plan, int cap)
    {
        var organization = await Factory.CreateOrganizationAsync(plan);

        var responses = await Task.WhenAll(Enumerable.Range(0, cap + 5).Select(i =>
            Factory.ClientWith(organization.ApiKey).PostAsync("/v1/webhooks", WireJson.Body($$"""{"url":"https://h{{i}}.example.com/","events":["booking.confirmed"]}"""))));

        var statuses = responses.Select(r => (int)r.StatusCode).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(statuses.Count(s => s == 201), Is.EqualTo(cap), string.Join(",", statuses));
            Assert.That(statuses.Count(s => s == 402), Is.EqualTo(5), string.Join(",", statuses));
        });
    }

    [Test]
    public async Task GrowthPlan_HasNoWebhookCap()
    {
        var organization = await Factory.CreateOrganizationAsync("growth");

        for (var i = 0; i < 12; i++)
        {
            var response = await organization.Client.PostAsync("/v1/webhooks", WireJson.Body($$"""{"url":"https://h{{i}}.example.com/","events":["booking.confirmed"]}"""));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }
    }

    [TestCase("", "body")]
    [TestCase("""{"events":["booking.confirmed"]}""", "url")]
    [TestCase("""{"url":"/relative/path","events":["booking.confirmed"]}""", "url")]
    [TestCase("""{"url":"ftp://example.com/h","events":["booking.confirmed"]}""", "url")]
    [TestCase("""{"url":"not a url","events":["booking.confirmed"]}""", "url")]
    [TestCase("""{"url":5,"events":["booking.confirmed"]}""", "url")]
    [TestCase("""{"url":"https://example.com/h"}""", "events")]
    [TestCase("""{"url":"https://example.com/h","events":[]}""", "events")]
    [TestCase("""{"url":"https://example.com/h","events":["booking.created"]}""", "events")]
    [TestCase("""{"url":"https://example.com/h","events":["booking.confirmed","booking.confirmed"]}""", "events")]
    [TestCase("""{"url":"https://example.com/h","events":"booking.confirmed"}""", "events")]
    public async Task Create_WithBadInput_Returns422NamingTheField_AndCreatesNothing(string body, string field)
    {
        var organization = await Factory.CreateOrganizationAsync();

        var response = await organization.Client.PostAsync("/v1/webhooks", WireJson.Body(body));

        var error = await WireJson.AssertErrorAsync(response, HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
        Assert.That(error.GetProperty("message").GetString(), Does.Contain(field));
        Assert.That((await WireJson.ReadAsync(await organization.Client.GetAsync("/v1/webhooks"))).GetProperty("total").GetInt32(), Is.Zero);
    }

    [GeneratedRegex("^whsec_[A-Za-z0-9+/]{43}=$")]
    private static partial Regex SecretPattern();
}

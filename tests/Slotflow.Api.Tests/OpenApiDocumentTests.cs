using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Slotflow.Api.Tests.Support;
using static Slotflow.Api.Tests.Support.WebhookTestKit;

namespace Slotflow.Api.Tests;

/// <summary>/openapi/v1.json describes the wire as it is: every route, and schemas whose property names are those of real responses.</summary>
public sealed class OpenApiDocumentTests : ServiceFixture
{
    private const string AdminKey = "sk_admin_openapi_0123456789abcdefghijklmnop";

    private JsonElement _document;

    protected override TimeProvider Clock => new SettableClock(HeldNow);

    protected override Dictionary<string, string?> Settings() => new() { ["Admin:ApiKeys:0"] = AdminKey };

    [OneTimeSetUp]
    public async Task ReadTheDocument()
    {
        var response = await Factory.ClientWith(null).GetAsync("/openapi/v1.json");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "served without a key");
        _document = await WireJson.ReadAsync(response);
    }

    [Test]
    public void TheDocument_ListsEveryRouteWithItsMethod()
    {
        var routes = Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("v1/", StringComparison.Ordinal) == true
                || e.RoutePattern.RawText?.StartsWith("admin/v1/", StringComparison.Ordinal) == true)
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => $"{m} /{StripConstraints(e.RoutePattern.RawText!)}"))
            .ToList();
        var documented = _document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(m => $"{m.Name.ToUpperInvariant()} {p.Name}"))
            .ToList();

        Assert.Multiple(() =>
        {
            Assert.That(_document.GetProperty("openapi").GetString(), Does.StartWith("3."));
            Assert.That(routes, Has.Count.GreaterThanOrEqualTo(27), "18 customer routes and 9 admin routes");
            Assert.That(documented, Is.EquivalentTo(routes));
        });
    }

    [Test]
    public async Task EachResourcesSchema_HasThePropertyNamesOfARealResponse()
    {
        var organization = await Factory.CreateOrganizationAsync();
        var client = organization.Client;
        await using var receiver = await WebhookReceiver.StartAsync();

        var human = await Check(await client.PostAsync("/v1/humans", WireJson.Body("""{"name":"Ada","timezone":"UTC"}""")), "/v1/humans", "post", "201");
        var humanId = human.GetProperty("id").GetString()!;
        await Check(await client.PutAsync($"/v1/humans/{humanId}/availability", WireJson.Body(Rules)), "/v1/humans/{id}/availability", "put", "200");
        await Check(await client.GetAsync($"/v1/humans/{humanId}"), "/v1/humans/{id}", "get", "200");
        await Check(await client.GetAsync("/v1/humans"), "/v1/humans", "get", "200", "humans");
        await Check(
            await client.PostAsync($"/v1/humans/{humanId}/overrides", WireJson.Body("""{"type":"block","all_day":true,"start_date":"2026-03-20"}""")),
            "/v1/humans/{humanId}/overrides", "post", "201");
        await Check(await client.GetAsync($"/v1/humans/{humanId}/overrides"), "/v1/humans/{humanId}/overrides", "get", "200", "overrides");
        await Check(await client.GetAsync($"/v1/humans/{humanId}/slots?date_from=2026-03-03&date_to=2026-03-03&duration=30"), "/v1/humans/{humanId}/slots", "get", "200", "slots");
        var (webhookId, _) = await RegisterAsync(client, receiver.Url, "booking.confirmed");
        await Check(await client.GetAsync("/v1/webhooks"), "/v1/webhooks", "get", "200", "webhooks");
        var booking = await BookAsync(client, humanId);
        var taken = await WireJson.ReadAsync(await client.PostAsync("/v1/bookings", WireJson.Body(
            $$"""{"human_id":"{{humanId}}","starts_at":"{{booking.GetProperty("starts_at").GetString()}}","duration":{{booking.GetProperty("duration_minutes").GetInt32()}},"attendee_name":"Again"}""")));
        var noneFree = await WireJson.ReadAsync(await client.PostAsync("/v1/bookings/first-available", WireJson.Body(
            $$"""{"candidates":[{"human_id":"{{humanId}}","starts_at":"{{booking.GetProperty("starts_at").GetString()}}"}],"duration":{{booking.GetProperty("duration_minutes").GetInt32()}},"attendee_name":"Again"}""")));
        await Check(await client.GetAsync($"/v1/bookings/{booking.GetProperty("id").GetString()}"), "/v1/bookings/{id}", "get", "200");
        await Check(await client.GetAsync("/v1/bookings"), "/v1/bookings", "get", "200", "bookings");
        await receiver.WaitForAcceptedAsync(1);
        await WaitForDeliveryAsync(client, webhookId, Attempts(1, "delivered"), "delivered");
        await Check(await client.GetAsync($"/v1/webhooks/{webhookId}/deliveries"), "/v1/webhooks/{id}/deliveries", "get", "200", "deliveries");
        await Check(await client.DeleteAsync($"/v1/bookings/{booking.GetProperty("id").GetString()}"), "/v1/bookings/{id}", "delete", "200");
        await Check(await client.DeleteAsync($"/v1/webhooks/{webhookId}"), "/v1/webhooks/{id}", "delete", "200");

        var admin = Factory.ClientWith(AdminKey);
        var created = await Check(
            await admin.PostAsync("/admin/v1/organizations", WireJson.Body("""{"name":"Docs","plan":"starter","auto_purchase":true}""")),
            "/admin/v1/organizations", "post", "201");
        var organizationId = created.GetProperty("id").GetString();
        await Check(await admin.GetAsync("/admin/v1/organizations"), "/admin/v1/organizations", "get", "200", "organizations");
        await Check(await admin.GetAsync($"/admin/v1/organizations/{organizationId}/usage"), "/admin/v1/organizations/{id}/usage", "get", "200");
        await Check(await admin.GetAsync($"/admin/v1/organizations/{organizationId}/api-keys"), "/admin/v1/organizations/{id}/api-keys", "get", "200", "api_keys");

        var notFound = await Check(await client.GetAsync($"/v1/humans/{Guid.NewGuid()}"), "/v1/humans/{id}", "get", "404");
        var invalid = await client.PostAsync("/v1/humans", WireJson.Body("""{"timezone":"UTC"}"""));
        var invalidBody = await WireJson.ReadAsync(invalid);
        var errorSchema = Resolve(Resolve(Response("/v1/humans", "post", "422")).GetProperty("properties").GetProperty("error"));
        Assert.That(
            errorSchema.GetProperty("properties").EnumerateObject().Select(p => p.Name),
            Is.EquivalentTo(invalidBody.GetProperty("error").EnumerateObject().Select(p => p.Name)
                .Union(taken.GetProperty("error").EnumerateObject().Select(p => p.Name))
                .Union(noneFree.GetProperty("error").EnumerateObject().Select(p => p.Name))),
            "the error schema: a 422 with details, a 409 with alternatives and the conflict, and a first-available 409 with candidates");
        Assert.That(
            notFound.GetProperty("error").EnumerateObject().Select(p => p.Name),
            Is.EquivalentTo(errorSchema.GetProperty("required").EnumerateArray().Select(r => r.GetString())),
            "details, alternatives, conflict and candidates are the only optional members");
    }

    [Test]
    public async Task TheReferencePage_IsServedAtDocs()
    {
        var client = Factory.ClientWith(null);
        var page = await client.GetAsync("/docs");
        var script = await client.GetAsync("/docs/scalar.js");

        Assert.Multiple(async () =>
        {
            Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(page.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
            Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain("openapi/v1.json"));
            Assert.That(script.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the page's script is served here too");
        });
    }

    /// <summary>The real body's property names equal its documented schema's; for a list, also those of its first item.</summary>
    private async Task<JsonElement> Check(HttpResponseMessage response, string path, string method, string status, string? listProperty = null)
    {
        Assert.That(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(status), await response.Content.ReadAsStringAsync());
        var body = await WireJson.ReadAsync(response);
        var schema = Resolve(Response(path, method, status));
        AssertSameNames(body, schema, $"{method} {path} {status}");
        if (listProperty is not null && body.GetProperty(listProperty).GetArrayLength() > 0)
        {
            var items = Resolve(schema.GetProperty("properties").GetProperty(listProperty).GetProperty("items"));
            AssertSameNames(body.GetProperty(listProperty)[0], items, $"{method} {path} {status} {listProperty}[0]");
        }

        return body;
    }

    private static void AssertSameNames(JsonElement body, JsonElement schema, string what) =>
        Assert.That(
            schema.GetProperty("properties").EnumerateObject().Select(p => p.Name),
            Is.EquivalentTo(body.EnumerateObject().Select(p => p.Name)),
            what);

    private JsonElement Response(string path, string method, string status) =>
        _document.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses").GetProperty(status)
            .GetProperty("content").GetProperty("application/json").GetProperty("schema");

    private JsonElement Resolve(JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference)
            ? _document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!["#/components/schemas/".Length..])
            : schema;

    private static string StripConstraints(string template) =>
        System.Text.RegularExpressions.Regex.Replace(template, @"\{(\w+):\w+\}", "{$1}");
}

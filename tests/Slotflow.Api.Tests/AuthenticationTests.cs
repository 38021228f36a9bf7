using System.Net;
using System.Net.Http.Headers;
using Slotflow.Api.Tests.Support;

namespace Slotflow.Api.Tests;

public sealed class AuthenticationTests : ServiceFixture
{
    private TestOrganization _organization = null!;

    [OneTimeSetUp]
    public async Task ArrangeFixture()
    {
        _organization = await Factory.CreateOrganizationAsync();
    }

    [Test]
    public void TheServer_IsRealHttpOnLoopback()
    {
        var address = _organization.Client.BaseAddress!;
        Assert.That(address.IsLoopback && address.Port is not (0 or 80), Is.True, address.ToString());
    }

    [Test]
    public async Task Request_WithoutKey_Returns401Unauthorized() =>
        await WireJson.AssertErrorAsync(await Factory.ClientWith(null).GetAsync("/v1/humans"), HttpStatusCode.Unauthorized, "UNAUTHORIZED");

    [TestCase("Bearer sk_live_00000000000000000000000000000000", TestName = "Request_WithUnknownWellFormedKey_Returns401")]
    [TestCase("Bearer sk_live_short", TestName = "Request_WithMalformedKey_Returns401")]
    [TestCase("Bearer sk_test_00000000000000000000000000000000", TestName = "Request_WithWrongKeyPrefix_Returns401")]
    [TestCase("Basic dXNlcjpwYXNz", TestName = "Request_WithBasicScheme_Returns401")]
    [TestCase("Bearer", TestName = "Request_WithEmptyBearer_Returns401")]
    public async Task Request_WithBadAuthorization_Returns401(string authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/humans");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);

        var response = await Factory.ClientWith(null).SendAsync(request);

        await WireJson.AssertErrorAsync(response, HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Test]
    public async Task Request_WithKeyInAnotherCase_Returns401()
    {
        var client = Factory.ClientWith(null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _organization.ApiKey.ToUpperInvariant());

        await WireJson.AssertErrorAsync(await client.GetAsync("/v1/humans"), HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Test]
    public async Task EveryEndpoint_WithoutKey_Returns401()
    {
        var client = Factory.ClientWith(null);
        var id = Guid.NewGuid();
        var responses = new[]
        {
            await client.PostAsync("/v1/humans", WireJson.Body(new { name = "x", timezone = "UTC" })),
            await client.GetAsync($"/v1/humans/{id}"),
            await client.DeleteAsync($"/v1/humans/{id}"),
            await client.PutAsync($"/v1/humans/{id}/availability", WireJson.Body("{}")),
        };

        foreach (var response in responses)
        {
            await WireJson.AssertErrorAsync(response, HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        }

        Assert.That(await Factory.QueryAsync(db => Task.FromResult(db.Humans.Count())), Is.Zero);
    }

    [Test]
    public async Task Keys_AreStoredOnlyAsHashes()
    {
        var stored = await Factory.QueryAsync(db => Task.FromResult(db.ApiKeys.Where(k => k.OrganizationId == _organization.Id).ToList()));

        Assert.That(stored, Has.Count.EqualTo(1));
        Assert.That(stored[0].Hash, Is.Not.EqualTo(_organization.ApiKey).And.Length.EqualTo(64));
        Assert.That(stored[0].Prefix, Is.EqualTo(_organization.ApiKey[..12]));
    }
}

using System.Net;
using Slotflow.Api.Tests.Support;

namespace Slotflow.Api.Tests;

/// <summary>The way in for a new user: a development organization from configuration, and only in Development.</summary>
public sealed class DevelopmentOrganizationTests
{
    private const string DevelopmentKey = "sk_live_devkey00000000000000000000000000";

    [Test]
    public async Task Development_WithEmptyDatabase_CreatesTheOrganizationOfTheConfiguredKey()
    {
        using var factory = new SlotflowApiFactory("Development");

        var response = await factory.ClientWith(DevelopmentKey).GetAsync("/v1/humans");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await factory.QueryAsync(db => Task.FromResult(db.Organizations.Count())), Is.EqualTo(1));
    }

    [Test]
    public async Task Production_HasNoDefaultKey()
    {
        using var factory = new SlotflowApiFactory("Production", new() { ["Development:ApiKey"] = DevelopmentKey });

        var response = await factory.ClientWith(DevelopmentKey).GetAsync("/v1/humans");

        await WireJson.AssertErrorAsync(response, HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        Assert.That(await factory.QueryAsync(db => Task.FromResult(db.Organizations.Count())), Is.Zero);
    }
}

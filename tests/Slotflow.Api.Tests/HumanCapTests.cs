using System.Net;
using Slotflow.Api.Tests.Support;

namespace Slotflow.Api.Tests;

/// <summary>Active humans per plan (spec §8): the cap answers 402 and holds under concurrent creates.</summary>
public sealed class HumanCapTests : ServiceFixture
{

    [Test]
    public async Task Create_OverTheFreePlansCap_Returns402_AndDeletingFreesTheSeat()
    {
        var organization = await Factory.CreateOrganizationAsync("free");
        var first = await organization.Client.PostAsync("/v1/humans", WireJson.Body(new { name = "One", timezone = "UTC" }));
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));

        var second = await organization.Client.PostAsync("/v1/humans", WireJson.Body(new { name = "Two", timezone = "UTC" }));

        await WireJson.AssertErrorAsync(second, HttpStatusCode.PaymentRequired, "LIMIT_REACHED");
        Assert.That(await CountHumansAsync(organization), Is.EqualTo(1));

        var id = (await WireJson.ReadAsync(first)).GetProperty("id").GetString();
        await organization.Client.DeleteAsync($"/v1/humans/{id}");
        var third = await organization.Client.PostAsync("/v1/humans", WireJson.Body(new { name = "Three", timezone = "UTC" }));
        Assert.That(third.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [TestCase("starter", 20, 5)]
    [TestCase("growth", 40, 25)]
    [Repeat(3)]
    public async Task ConcurrentCreates_NeverExceedTheCap(string plan, int requests, int cap)
    {
        var organization = await Factory.CreateOrganizationAsync(plan);
        var clients = Enumerable.Range(0, requests).Select(_ => Factory.ClientWith(organization.ApiKey)).ToList();

        var responses = await Task.WhenAll(clients.Select((client, i) =>
            client.PostAsync("/v1/humans", WireJson.Body(new { name = $"Racer {i}", timezone = "UTC" }))));

        var statuses = responses.Select(r => (int)r.StatusCode).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(statuses.Count(s => s == 201), Is.EqualTo(cap), string.Join(",", statuses));
            Assert.That(statuses.Count(s => s == 402), Is.EqualTo(requests - cap), string.Join(",", statuses));
        });
        Assert.That(await CountHumansAsync(organization), Is.EqualTo(cap));
    }

    private Task<int> CountHumansAsync(TestOrganization organization) =>
        Factory.QueryAsync(db => Task.FromResult(db.Humans.Count(h => h.OrganizationId == organization.Id && h.Active)));
}

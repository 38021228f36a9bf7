using System.Net;
using Microsoft.EntityFrameworkCore;
using Slotflow.Api.Tests.Support;
using Slotflow.Domain.Humans;

namespace Slotflow.Api.Tests;

/// <summary>At most 1,000 schedule overrides per human: the cap answers 422 and holds under concurrent creates.</summary>
public sealed class OverrideCapTests : ServiceFixture
{
    private const int Cap = 1000;
    private const string CapMessage = "A human can have at most 1000 schedule overrides; delete some first.";
    private const string Body = """{"type":"block","title":"One more","all_day":true,"start_date":"2027-01-04"}""";

    private TestOrganization _organization = null!;

    [OneTimeSetUp]
    public async Task ArrangeFixture()
    {
        _organization = await Factory.CreateOrganizationAsync();
    }

    [Test]
    public async Task Create_AtTheCap_Returns422NamingTheLimit_AndDeletingOneFreesAPlace()
    {
        var humanId = await HumanSetup.CreateAsync(_organization.Client);
        await SeedOverridesAsync(humanId, Cap - 1);
        var last = await HumanSetup.AddOverrideAsync(_organization.Client, humanId, Body);

        var refused = await _organization.Client.PostAsync($"/v1/humans/{humanId}/overrides", WireJson.Body(Body));

        var error = await WireJson.AssertErrorAsync(refused, HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
        Assert.That(error.GetProperty("message").GetString(), Is.EqualTo(CapMessage));
        Assert.That(await CountOverridesAsync(humanId), Is.EqualTo(Cap));

        var deleted = await _organization.Client.DeleteAsync($"/v1/humans/{humanId}/overrides/{last}");
        Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await HumanSetup.AddOverrideAsync(_organization.Client, humanId, Body);
        Assert.That(await CountOverridesAsync(humanId), Is.EqualTo(Cap));
    }

    [Test]
    [Repeat(2)]
    public async Task ConcurrentCreates_NearTheCap_EndExactlyAtTheCap_AndEveryRefusalIs422WithTheLimit()
    {
        const int free = 10;
        const int requests = 40;
        var humanId = await HumanSetup.CreateAsync(_organization.Client);
        await SeedOverridesAsync(humanId, Cap - free);
        var clients = Enumerable.Range(0, requests).Select(_ => Factory.ClientWith(_organization.ApiKey)).ToList();

        var responses = await Task.WhenAll(clients.Select(client => client.PostAsync($"/v1/humans/{humanId}/overrides", WireJson.Body(Body))));

        var statuses = responses.Select(r => (int)r.StatusCode).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(statuses.Count(s => s == 201), Is.EqualTo(free), string.Join(",", statuses));
            Assert.That(statuses.Count(s => s == 422), Is.EqualTo(requests - free), string.Join(",", statuses));
        });
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            var error = await WireJson.AssertErrorAsync(refused, HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
            Assert.That(error.GetProperty("message").GetString(), Is.EqualTo(CapMessage));
        }

        Assert.That(await CountOverridesAsync(humanId), Is.EqualTo(Cap));
    }

    [Test]
    public async Task List_WithoutPaging_ReturnsEveryOverrideOfAHumanAtTheCap()
    {
        var humanId = await HumanSetup.CreateAsync(_organization.Client);
        await SeedOverridesAsync(humanId, Cap);

        var list = await WireJson.ReadAsync(await _organization.Client.GetAsync($"/v1/humans/{humanId}/overrides"));

        Assert.Multiple(() =>
        {
            Assert.That(list.GetProperty("total").GetInt32(), Is.EqualTo(Cap));
            Assert.That(list.GetProperty("overrides").GetArrayLength(), Is.EqualTo(Cap));
            Assert.That(list.GetProperty("limit").GetInt32(), Is.EqualTo(Cap));
            Assert.That(list.GetProperty("offset").GetInt32(), Is.Zero);
        });
    }

    /// <summary>Writes overrides straight through the DbContext: a thousand POSTs would only slow the suite down.</summary>
    private Task<int> SeedOverridesAsync(string humanId, int count) =>
        Factory.QueryAsync(db =>
        {
            var id = Guid.Parse(humanId);
            var first = new DateOnly(2027, 1, 1);
            db.Set<ScheduleOverride>().AddRange(Enumerable.Range(0, count).Select(i =>
                ScheduleOverride.Create(id, OverrideType.Block, $"Seeded {i}", first.AddDays(i % 365), null, null, null, DateTimeOffset.UtcNow)));
            return db.SaveChangesAsync();
        });

    private Task<int> CountOverridesAsync(string humanId) =>
        Factory.QueryAsync(db => db.Set<ScheduleOverride>().CountAsync(o => o.HumanId == Guid.Parse(humanId)));
}

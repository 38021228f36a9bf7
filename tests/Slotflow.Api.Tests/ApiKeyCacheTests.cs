using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Slotflow.Api.Tests.Support;

namespace Slotflow.Api.Tests;

/// <summary>
/// Authentication trusts an active key it has read for 5 s. Revoked through this instance, a key fails at once;
/// revoked through another instance on the same database, it fails here no later than 5 s after this instance
/// last read it.
/// </summary>
public sealed class ApiKeyCacheTests
{
    private const string AdminKey = "sk_admin_cache-tests-0123456789abcdefghijklmno";
    private static readonly DateTimeOffset HeldNow = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    private readonly SettableClock _thisClock = new(HeldNow);
    private readonly SettableClock _otherClock = new(HeldNow);
    private SlotflowApiFactory _this = null!;
    private SlotflowApiFactory _other = null!;

    [OneTimeSetUp]
    public void StartTwoInstances()
    {
        _this = new SlotflowApiFactory(
            settings: new() { ["Admin:ApiKeys:0"] = AdminKey },
            configureServices: services => services.AddSingleton<TimeProvider>(_thisClock));
        _other = new SlotflowApiFactory(
            settings: new() { ["Admin:ApiKeys:0"] = AdminKey },
            configureServices: services => services.AddSingleton<TimeProvider>(_otherClock),
            database: _this.Database);
    }

    [OneTimeTearDown]
    public void StopTwoInstances()
    {
        _other.Dispose();
        _this.Dispose();
    }

    [Test]
    public async Task AKeyRevokedThroughAnotherInstance_FailsHereWithinFiveSeconds_AndAtOnceWhereItWasRevoked()
    {
        var organization = await _this.CreateOrganizationAsync();
        using var here = _this.ClientWith(organization.ApiKey);
        using var there = _other.ClientWith(organization.ApiKey);
        Assert.That((await here.GetAsync("/v1/humans")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "read and kept here at 12:00:00");
        Assert.That((await there.GetAsync("/v1/humans")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "read and kept there too");

        using var admin = _other.ClientWith(AdminKey);
        var keys = JsonDocument.Parse(await admin.GetStringAsync($"/admin/v1/organizations/{organization.Id}/api-keys")).RootElement;
        var keyId = keys.GetProperty("api_keys")[0].GetProperty("id").GetString();
        var revoked = await admin.DeleteAsync($"/admin/v1/organizations/{organization.Id}/api-keys/{keyId}");
        Assert.That(revoked.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        await WireJson.AssertErrorAsync(await there.GetAsync("/v1/humans"), HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        _thisClock.Now = HeldNow.AddSeconds(4.9);
        Assert.That((await here.GetAsync("/v1/humans")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "still inside the 5 s bound here");
        _thisClock.Now = HeldNow.AddSeconds(5);
        await WireJson.AssertErrorAsync(await here.GetAsync("/v1/humans"), HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }
}

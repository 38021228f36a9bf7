using System.Net;
using Slotflow.Api.Tests.Support;

namespace Slotflow.Api.Tests;

public sealed class TenantIsolationTests : ServiceFixture
{

    [Test]
    public async Task AnotherOrganizationsHuman_IsNotFound_AndUntouched()
    {
        var a = await Factory.CreateOrganizationAsync();
        var b = await Factory.CreateOrganizationAsync();
        var created = await a.Client.PostAsync("/v1/humans", WireJson.Body(new { name = "Private", timezone = "UTC" }));
        var id = (await WireJson.ReadAsync(created)).GetProperty("id").GetString();
        var rules = WireJson.Body(new { working_days = new[] { 1 }, work_start = "09:00", work_end = "10:00", meeting_durations = new[] { 30 } });

        await WireJson.AssertErrorAsync(await b.Client.GetAsync($"/v1/humans/{id}"), HttpStatusCode.NotFound, "NOT_FOUND");
        await WireJson.AssertErrorAsync(await b.Client.PutAsync($"/v1/humans/{id}/availability", rules), HttpStatusCode.NotFound, "NOT_FOUND");
        await WireJson.AssertErrorAsync(await b.Client.DeleteAsync($"/v1/humans/{id}"), HttpStatusCode.NotFound, "NOT_FOUND");
        var listOfB = await WireJson.ReadAsync(await b.Client.GetAsync("/v1/humans"));
        Assert.That(listOfB.GetProperty("total").GetInt32(), Is.Zero);

        var asSeenByA = await WireJson.ReadAsync(await a.Client.GetAsync($"/v1/humans/{id}"));
        Assert.Multiple(() =>
        {
            Assert.That(asSeenByA.GetProperty("active").GetBoolean(), Is.True);
            Assert.That(asSeenByA.GetProperty("availability_rules").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
        });
    }
}

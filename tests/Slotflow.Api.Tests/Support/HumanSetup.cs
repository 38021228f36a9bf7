using System.Net;

namespace Slotflow.Api.Tests.Support;

/// <summary>Creates the humans a test talks about, over the API itself.</summary>
internal static class HumanSetup
{
    public const string WeekdaysNineToFive = """{"working_days":[1,2,3,4,5],"work_start":"09:00","work_end":"17:00","meeting_durations":[30]}""";

    public static async Task<string> CreateAsync(HttpClient client, string timezone = "America/New_York", string? rules = WeekdaysNineToFive)
    {
        var created = await client.PostAsync("/v1/humans", WireJson.Body(new { name = "Someone", timezone }));
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var id = (await WireJson.ReadAsync(created)).GetProperty("id").GetString()!;
        if (rules is not null)
        {
            var set = await client.PutAsync($"/v1/humans/{id}/availability", WireJson.Body(rules));
            Assert.That(set.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        return id;
    }

    public static async Task<string> AddOverrideAsync(HttpClient client, string humanId, string json)
    {
        var response = await client.PostAsync($"/v1/humans/{humanId}/overrides", WireJson.Body(json));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await WireJson.ReadAsync(response)).GetProperty("id").GetString()!;
    }
}

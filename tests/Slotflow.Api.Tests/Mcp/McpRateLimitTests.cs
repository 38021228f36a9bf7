using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Slotflow.Api.Tests.Support;

namespace Slotflow.Api.Tests.Mcp;

/// <summary>/mcp draws on the same per-key rate limit as /v1 (spec §3, §13).</summary>
public sealed class McpRateLimitTests : ServiceFixture
{
    protected override Dictionary<string, string?> Settings() => new() { ["RateLimits:PermitsPerSecond"] = "1", ["RateLimits:Burst"] = "3" };

    [Test]
    public async Task McpRequests_CountAgainstTheKeysLimit_SharedWithRest_AndGet429WithRetryAfter()
    {
        var organization = await Factory.CreateOrganizationAsync();

        var rest = await organization.Client.GetAsync("/v1/humans");
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 10; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/mcp")
            {
                Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"tools/list"}""", Encoding.UTF8, "application/json"),
            };
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
            answers.Add(await organization.Client.SendAsync(request));
        }

        Assert.That(rest.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(answers.Select(a => a.StatusCode).Take(2), Is.All.EqualTo(HttpStatusCode.OK), "the burst of 3 holds the REST call and two MCP calls");
        var limited = answers.FirstOrDefault(a => a.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.That(limited, Is.Not.Null, "ten calls at once outrun one permit a second");
        await WireJson.AssertErrorAsync(limited!, HttpStatusCode.TooManyRequests, "RATE_LIMITED");
        Assert.That(limited.Headers.RetryAfter, Is.Not.Null);
    }
}

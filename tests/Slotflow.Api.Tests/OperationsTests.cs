using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Moq;
using Slotflow.Api.Tests.Support;
using Slotflow.Domain.Humans;

namespace Slotflow.Api.Tests;

/// <summary>The operating surface: X-Request-Id on every response and log line, health endpoints, per-key rate limits.</summary>
public sealed class OperationsTests
{
    [Test]
    public async Task EveryResponse_CarriesARequestId_EchoingAValidOneAndReplacingAnUnsafeOne()
    {
        using var factory = new SlotflowApiFactory();
        var organization = await factory.CreateOrganizationAsync();

        var made = await organization.Client.GetAsync("/v1/humans");
        var echoed = await Send(organization.Client, "/v1/humans", "agent-7:run.42_a");
        var onError = await Send(factory.ClientWith(null), "/v1/humans", "no-key-1");
        var unsafeId = await Send(organization.Client, "/v1/humans", "bad id\twith spaces");
        var tooLong = await Send(organization.Client, "/v1/humans", new string('a', 129));

        Assert.Multiple(() =>
        {
            Assert.That(RequestId(made), Does.Match("^[0-9a-f]{32}$"));
            Assert.That(RequestId(echoed), Is.EqualTo("agent-7:run.42_a"));
            Assert.That(onError.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(RequestId(onError), Is.EqualTo("no-key-1"));
            Assert.That(RequestId(unsafeId), Does.Match("^[0-9a-f]{32}$"));
            Assert.That(RequestId(tooLong), Does.Match("^[0-9a-f]{32}$"));
        });
    }

    [Test]
    public async Task EveryLogLineOfARequest_CarriesItsRequestId_AndA500NamesIt()
    {
        var logs = new LogRecorder();
        var failing = new Mock<IHumanRepository>();
        failing.Setup(r => r.ListActiveAsync(It.IsAny<Guid>(), It.IsAny<CancellationToken>())).ThrowsAsync(new InvalidOperationException("boom"));
        using var factory = new SlotflowApiFactory(
            settings: new() { ["Logging:LogLevel:Default"] = "Debug", ["Logging:LogLevel:Microsoft"] = "Debug" },
            configureServices: services =>
            {
                services.AddSingleton<ILoggerProvider>(logs);
                services.AddScoped(_ => failing.Object);
            });
        var organization = await factory.CreateOrganizationAsync();
        logs.Entries.Clear();

        var response = await Send(organization.Client, "/v1/humans", "trace-me-500");

        var error = await WireJson.AssertErrorAsync(response, HttpStatusCode.InternalServerError, "INTERNAL_ERROR");
        var ours = logs.Entries.Where(e => e.Scope.TryGetValue("RequestId", out var id) && Equals(id, "trace-me-500")).ToList();
        var duringTheRequest = logs.Entries.Where(e => e.Category.StartsWith("Slotflow", StringComparison.Ordinal)
            || e.Category.StartsWith("Microsoft.AspNetCore.Routing", StringComparison.Ordinal)
            || e.Category.StartsWith("Microsoft.AspNetCore.Mvc", StringComparison.Ordinal)
            || e.Category.StartsWith("Microsoft.AspNetCore.Diagnostics", StringComparison.Ordinal)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(error.GetProperty("message").GetString(), Does.Contain("trace-me-500"));
            Assert.That(duringTheRequest, Is.Not.Empty);
            Assert.That(duringTheRequest.Except(ours).Select(e => $"{e.Category}: {e.Message}"), Is.Empty, "every line carries the id");
            Assert.That(ours.Any(e => e.Category.EndsWith("ApiExceptionHandler", StringComparison.Ordinal)), Is.True,
                "the failure's own log line carries it");
        });
    }

    [Test]
    public async Task Health_LiveAndReady_AnswerWithoutAKey()
    {
        using var factory = new SlotflowApiFactory();
        var client = factory.ClientWith(null);

        var live = await client.GetAsync("/health/live");
        var ready = await client.GetAsync("/health/ready");

        Assert.Multiple(async () =>
        {
            Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await WireJson.ReadAsync(live)).GetProperty("status").GetString(), Is.EqualTo("healthy"));
            Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await WireJson.ReadAsync(ready)).GetProperty("checks").GetProperty("database").GetString(), Is.EqualTo("healthy"));
        });
    }

    [Test]
    public async Task Ready_WithAnUnreachableDatabase_Is503_WhileLiveStays200()
    {
        using var factory = new SlotflowApiFactory(settings: new()
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Slotflow"] = "Host=127.0.0.1;Port=1;Username=nobody;Timeout=2",
            ["Database:MigrateOnStartup"] = "false",
            ["Webhooks:WorkerEnabled"] = "false",
        });
        var client = factory.ClientWith(null);

        var ready = await client.GetAsync("/health/ready");
        var live = await client.GetAsync("/health/live");

        Assert.Multiple(async () =>
        {
            Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That((await WireJson.ReadAsync(ready)).GetProperty("status").GetString(), Is.EqualTo("unhealthy"));
            Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task ABurstOverTheLimit_Gets429WithRetryAfter_AndOtherKeysAreUnaffected()
    {
        using var factory = new SlotflowApiFactory(settings: new() { ["RateLimits:PermitsPerSecond"] = "1", ["RateLimits:Burst"] = "5" });
        var busy = await factory.CreateOrganizationAsync();
        var other = await factory.CreateOrganizationAsync();

        var statuses = new List<HttpResponseMessage>();
        for (var i = 0; i < 10; i++)
        {
            statuses.Add(await busy.Client.GetAsync("/v1/humans"));
        }

        var limited = statuses.First(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        var error = await WireJson.AssertErrorAsync(limited, HttpStatusCode.TooManyRequests, "RATE_LIMITED");
        Assert.Multiple(async () =>
        {
            Assert.That(statuses.Count(r => r.StatusCode == HttpStatusCode.OK), Is.InRange(5, 6), "the burst, plus at most one token refilled");
            Assert.That(limited.Headers.RetryAfter?.Delta, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(1)));
            Assert.That(error.GetProperty("message").GetString(), Does.Contain("retry after"));
            Assert.That((await other.Client.GetAsync("/v1/humans")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    private static async Task<HttpResponseMessage> Send(HttpClient client, string path, string requestId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("X-Request-Id", requestId);
        return await client.SendAsync(request);
    }

    private static string RequestId(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Request-Id", out var values) ? values.Single() : "";
}

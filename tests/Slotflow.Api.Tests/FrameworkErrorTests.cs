using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Slotflow.Api.Tests.Support;
using Slotflow.Domain.Humans;

namespace Slotflow.Api.Tests;

/// <summary>
/// What the framework answers by itself (no route, wrong method, a crash, a request line or headers over the limits)
/// is in the envelope too. Requests HttpClient would not send go over a raw TCP connection.
/// </summary>
public sealed class FrameworkErrorTests
{
    // "GET " + target + " HTTP/1.1\r\n" is the request line Kestrel measures.
    private const int RequestLineOverhead = 4 + 11;

    [Test]
    public async Task UnknownRoute_Returns404Envelope()
    {
        using var factory = new SlotflowApiFactory();
        var organization = await factory.CreateOrganizationAsync();

        await WireJson.AssertErrorAsync(await organization.Client.GetAsync("/v1/nothing-here"), HttpStatusCode.NotFound, "NOT_FOUND");
        await WireJson.AssertErrorAsync(await organization.Client.GetAsync("/"), HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Test]
    public async Task WrongMethod_Returns405Envelope()
    {
        using var factory = new SlotflowApiFactory();
        var organization = await factory.CreateOrganizationAsync();

        var response = await organization.Client.PatchAsync("/v1/humans", WireJson.Body("{}"));

        await WireJson.AssertErrorAsync(response, HttpStatusCode.MethodNotAllowed, "METHOD_NOT_ALLOWED");
    }

    [Test]
    public async Task UnexpectedException_Returns500WithRequestId_AndNoInternals()
    {
        var failing = new Mock<IHumanRepository>();
        failing.Setup(r => r.ListActiveAsync(It.IsAny<Guid>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("secret connection detail"));
        using var factory = new SlotflowApiFactory(configureServices: services => services.AddScoped(_ => failing.Object));
        var organization = await factory.CreateOrganizationAsync();

        var response = await organization.Client.GetAsync("/v1/humans");

        var error = await WireJson.AssertErrorAsync(response, HttpStatusCode.InternalServerError, "INTERNAL_ERROR");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(body, Does.Not.Contain("secret").And.Not.Contain("InvalidOperationException"));
            Assert.That(error.GetProperty("message").GetString(), Does.Match("Request id: .+"));
        });
    }

    [Test]
    public async Task ARequestLineOverTheLimit_Returns414Envelope_AndOneAtTheLimitIsServed()
    {
        using var factory = new SlotflowApiFactory();
        var organization = await factory.CreateOrganizationAsync();
        var atTheLimit = QueryOfLength(8 * 1024 - RequestLineOverhead);

        var served = await SendAsync(factory, $"GET {atTheLimit} HTTP/1.1", Bearer(organization));
        var overByOne = await SendAsync(factory, $"GET {atTheLimit}a HTTP/1.1", Bearer(organization));
        var farOver = await SendAsync(factory, $"GET {QueryOfLength(20_000)} HTTP/1.1", Bearer(organization));

        Assert.That(served.Status, Is.EqualTo(200), served.Body);
        overByOne.AssertError(414, "URI_TOO_LONG");
        farOver.AssertError(414, "URI_TOO_LONG");
        Assert.That(overByOne.Headers, Does.ContainKey("X-Request-Id"));
    }

    [Test]
    public async Task MoreThanAHundredHeaders_Returns431Envelope_AndAHundredAreServed()
    {
        using var factory = new SlotflowApiFactory();
        var organization = await factory.CreateOrganizationAsync();
        // Host, Connection and Authorization are three of the hundred.
        string[] Headers(int extra) => [Bearer(organization), .. Enumerable.Range(0, extra).Select(i => $"X-Extra-{i}: {i}")];

        var served = await SendAsync(factory, "GET /v1/humans HTTP/1.1", Headers(97));
        var overByOne = await SendAsync(factory, "GET /v1/humans HTTP/1.1", Headers(98));
        var farOver = await SendAsync(factory, "GET /v1/humans HTTP/1.1", Headers(300));

        Assert.That(served.Status, Is.EqualTo(200), served.Body);
        overByOne.AssertError(431, "HEADERS_TOO_LARGE");
        farOver.AssertError(431, "HEADERS_TOO_LARGE");
    }

    [Test]
    public async Task HeadersOver32KiB_Return431Envelope_AndHeadersOf32KiBAreServed()
    {
        using var factory = new SlotflowApiFactory();
        var organization = await factory.CreateOrganizationAsync();
        var bearer = Bearer(organization);
        // Each header line counts as name, ": ", value and CRLF: Host and Connection take 17 and 19 bytes.
        var rest = 32 * 1024 - "Host: localhost\r\n".Length - "Connection: close\r\n".Length - bearer.Length - 2 - "X-Big: \r\n".Length;

        var served = await SendAsync(factory, "GET /v1/humans HTTP/1.1", bearer, "X-Big: " + new string('b', rest));
        var overByOne = await SendAsync(factory, "GET /v1/humans HTTP/1.1", bearer, "X-Big: " + new string('b', rest + 1));
        var farOver = await SendAsync(factory, "GET /v1/humans HTTP/1.1", bearer, "X-Big: " + new string('b', 100_000));

        Assert.That(served.Status, Is.EqualTo(200), served.Body);
        overByOne.AssertError(431, "HEADERS_TOO_LARGE");
        farOver.AssertError(431, "HEADERS_TOO_LARGE");
    }

    [Test]
    public async Task ABrokenChunkedBody_Returns422Envelope()
    {
        using var factory = new SlotflowApiFactory();
        var organization = await factory.CreateOrganizationAsync();

        var response = await SendAsync(
            factory,
            "POST /v1/humans HTTP/1.1",
            [Bearer(organization), "Content-Type: application/json", "Transfer-Encoding: chunked"],
            body: "zz\r\n{}\r\n0\r\n\r\n");

        response.AssertError(422, "VALIDATION_ERROR");
    }

    private static IEnumerable<TestCaseData> RequestsKestrelRefusesItself()
    {
        yield return Case("NUL in the path", "GET /v1/humans/%00 HTTP/1.1", "Host: localhost", 400);
        yield return Case("Content-Length not a number", "POST /v1/humans HTTP/1.1", "Host: localhost\r\nContent-Length: abc", 400);
        yield return Case("two Content-Lengths", "POST /v1/humans HTTP/1.1", "Host: localhost\r\nContent-Length: 2\r\nContent-Length: 3", 400);
        yield return Case("no Host", "GET /v1/humans HTTP/1.1", "Accept: */*", 400);
        yield return Case("a header line without a colon", "GET /v1/humans HTTP/1.1", "Host: localhost\r\nNo colon here", 400);
        yield return Case("HTTP/1.7", "GET /v1/humans HTTP/1.7", "Host: localhost", 505);
        yield return Case("request line over Kestrel's own 32 KiB", $"GET {QueryOfLength(40_000)} HTTP/1.1", "Host: localhost", 414);
        yield return Case("headers over Kestrel's own 128 KiB", "GET /v1/humans HTTP/1.1", "Host: localhost\r\nX-Big: " + new string('b', 140_000), 431);

        static TestCaseData Case(string name, string requestLine, string headers, int status) =>
            new TestCaseData(requestLine, headers, status).SetArgDisplayNames(name);
    }

    // The documented exception (README, Errors): Kestrel answers these before any application code runs, with an
    // empty body, and closes the connection; it has no hook to give them a body.
    [TestCaseSource(nameof(RequestsKestrelRefusesItself))]
    public async Task RequestsKestrelRefusesBeforeTheApplication_GetOnlyTheirStatus_AndTheConnectionCloses(string requestLine, string headers, int status)
    {
        using var factory = new SlotflowApiFactory();

        var response = await RawHttp.SendAsync(ServerAddress(factory), $"{requestLine}\r\n{headers}\r\n\r\n");

        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(status));
            Assert.That(response.Body, Is.Empty);
            Assert.That(response.Headers.GetValueOrDefault("Connection"), Is.EqualTo("close"));
        });
    }

    private static string QueryOfLength(int length) => "/v1/humans?q=" + new string('a', length - "/v1/humans?q=".Length);

    private static string Bearer(TestOrganization organization) => $"Authorization: Bearer {organization.ApiKey}";

    private static Task<RawResponse> SendAsync(SlotflowApiFactory factory, string requestLine, params string[] headers) =>
        SendAsync(factory, requestLine, headers, body: "");

    private static Task<RawResponse> SendAsync(SlotflowApiFactory factory, string requestLine, string[] headers, string body) =>
        RawHttp.SendAsync(ServerAddress(factory), RawHttp.Request(requestLine, headers) + body);

    private static Uri ServerAddress(SlotflowApiFactory factory)
    {
        using var client = factory.CreateClient(); // starts the server
        return client.BaseAddress!;
    }
}

using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Slotflow.Api.Tests.Support;

/// <summary>
/// Sends a request's bytes exactly as given over a TCP connection, for the hostile requests HttpClient refuses to
/// write (a NUL in the path, a broken Content-Length, …), and reads the one answer until the server closes.
/// </summary>
internal static class RawHttp
{
    public static async Task<RawResponse> SendAsync(Uri server, string request, bool closeSending = false)
    {
        using var client = new TcpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await client.ConnectAsync(server.Host, server.Port, timeout.Token);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes(request), timeout.Token);
        if (closeSending)
        {
            client.Client.Shutdown(SocketShutdown.Send);
        }

        using var received = new MemoryStream();
        await stream.CopyToAsync(received, timeout.Token);
        return RawResponse.Parse(Encoding.Latin1.GetString(received.ToArray()));
    }

    /// <summary>A request for the test server: Host and Connection: close added, headers as given, CRLF line ends.</summary>
    public static string Request(string requestLine, params string[] headers) =>
        string.Concat([requestLine, "\r\nHost: localhost\r\nConnection: close\r\n", .. headers.Select(h => h + "\r\n"), "\r\n"]);
}

internal sealed record RawResponse(int Status, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public static RawResponse Parse(string text)
    {
        var headEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.That(headEnd, Is.GreaterThan(0), $"a whole response head, got: {text}");
        var lines = text[..headEnd].Split("\r\n");
        var headers = lines.Skip(1)
            .Select(line => line.Split(':', 2))
            .ToDictionary(parts => parts[0].Trim(), parts => parts[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var body = text[(headEnd + 4)..];
        if (headers.TryGetValue("Transfer-Encoding", out var coding) && coding.Equals("chunked", StringComparison.OrdinalIgnoreCase))
        {
            body = Unchunk(body);
        }

        return new RawResponse(int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture), headers, body);
    }

    /// <summary>Asserts the spec's error envelope with this status and code, and returns its error object.</summary>
    public JsonElement AssertError(int status, string code)
    {
        Assert.That(Status, Is.EqualTo(status), Body);
        Assert.That(Headers.GetValueOrDefault("Content-Type"), Does.StartWith("application/json"), Body);
        using var document = JsonDocument.Parse(Body);
        var error = document.RootElement.GetProperty("error").Clone();
        Assert.Multiple(() =>
        {
            Assert.That(WireJson.PropertyNames(document.RootElement), Is.EqualTo(new[] { "error" }));
            Assert.That(error.GetProperty("code").GetString(), Is.EqualTo(code), Body);
            Assert.That(error.GetProperty("status").GetInt32(), Is.EqualTo(status), Body);
            Assert.That(error.GetProperty("message").GetString(), Is.Not.Empty);
        });
        return error;
    }

    private static string Unchunk(string chunked)
    {
        var body = new StringBuilder();
        var at = 0;
        while (true)
        {
            var lineEnd = chunked.IndexOf("\r\n", at, StringComparison.Ordinal);
            var size = Convert.ToInt32(chunked[at..lineEnd].Split(';')[0], 16);
            if (size == 0)
            {
                return body.ToString();
            }

            body.Append(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }
}

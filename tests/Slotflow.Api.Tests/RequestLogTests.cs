using System.Text.Json;
using System.Text.RegularExpressions;
using Slotflow.Api.Tests.Support;

namespace Slotflow.Api.Tests;

/// <summary>
/// A request can be followed through the console log by its X-Request-Id: the built service runs in its own process,
/// and its standard output is read as an operator reads it, in the default format and in JSON.
/// </summary>
public sealed partial class RequestLogTests
{
    private TestDatabase _database = null!;

    [SetUp]
    public void CreateDatabase() => _database = TestDatabase.Create();

    [TearDown]
    public void DropDatabase() => _database.Dispose();

    [Test]
    public async Task InTheDefaultConsoleFormat_EveryLineOfARequest_NamesItsRequestId_AndNoOther()
    {
        using var server = await ApiProcess.StartServerAsync(Settings());

        var (id, path) = await SendAsync(server);
        var entries = await WaitForRequestAsync(server, SimpleEntries, SimpleConnectionId, path);

        Assert.That(entries, Has.Count.GreaterThanOrEqualTo(2), "request starting, request finished");
        Assert.That(entries.Where(e => !RequestIds(e).Any() || RequestIds(e).Any(other => other != id)), Is.Empty, $"every line names {id}, and only it");
    }

    [Test]
    public async Task InJsonConsoleFormat_EveryLineOfARequest_CarriesItsRequestIdInItsScopes_AndNoOther()
    {
        using var server = await ApiProcess.StartServerAsync(Settings(formatter: "json"));

        var (id, path) = await SendAsync(server);
        var entries = await WaitForRequestAsync(server, JsonEntries, JsonConnectionId, path);

        Assert.That(entries, Has.Count.GreaterThanOrEqualTo(2), "request starting, request finished");
        foreach (var entry in entries)
        {
            using var json = JsonDocument.Parse(entry);
            var ids = json.RootElement.TryGetProperty("Scopes", out var scopes)
                ? scopes.EnumerateArray()
                    .Where(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("RequestId", out _))
                    .Select(s => s.GetProperty("RequestId").GetString())
                    .ToList()
                : [];
            Assert.That(ids, Is.Not.Empty.And.All.EqualTo(id), entry);
        }
    }

    private Dictionary<string, string> Settings(string? formatter = null)
    {
        var settings = new Dictionary<string, string>(_database.Settings)
        {
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Information", // request starting and finished, routing
            ["Webhooks:WorkerEnabled"] = "false",
        };
        if (formatter is not null)
        {
            settings["Logging:Console:FormatterName"] = formatter;
        }

        return settings;
    }

    // Without a key: a 401 from the authorization middleware, logged on the way by hosting and routing.
    private static async Task<(string Id, string Path)> SendAsync(ApiProcess server)
    {
        var id = $"follow-me-{Guid.NewGuid():N}";
        var path = $"/v1/humans/{Guid.NewGuid()}";
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Request-Id", id);
        using var response = await client.SendAsync(request);
        Assert.That(response.Headers.GetValues("X-Request-Id").Single(), Is.EqualTo(id));
        return (id, path);
    }

    /// <summary>
    /// The log entries from "Request starting" to "Request finished" of the one request to this path, on its
    /// connection (Kestrel's ConnectionId scope): another request's last lines may come in between.
    /// </summary>
    private static async Task<IReadOnlyList<string>> WaitForRequestAsync(
        ApiProcess server, Func<IReadOnlyList<string>, IEnumerable<string>> entriesOf, Func<string, string?> connectionOf, string path)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30); // the console logger writes from its own queue
        while (true)
        {
            var entries = entriesOf(server.OutputLines).ToList();
            var start = entries.FindIndex(e => e.Contains("Request starting", StringComparison.Ordinal) && e.Contains(path, StringComparison.Ordinal));
            var end = entries.FindIndex(e => e.Contains("Request finished", StringComparison.Ordinal) && e.Contains(path, StringComparison.Ordinal));
            if (start >= 0 && end >= start)
            {
                var connection = connectionOf(entries[start]);
                Assert.That(connection, Is.Not.Null, entries[start]);
                return entries[start..(end + 1)].Where(e => connectionOf(e) == connection).ToList();
            }

            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "the request's log lines:\n" + string.Join("\n", server.OutputLines));
            await Task.Delay(100);
        }
    }

    // The simple formatter starts an entry with "info: Category[event]" and indents its scope and message lines.
    private static IEnumerable<string> SimpleEntries(IReadOnlyList<string> lines)
    {
        var entry = new List<string>();
        foreach (var line in lines)
        {
            if (EntryStart().IsMatch(line) && entry.Count > 0)
            {
                yield return string.Join("\n", entry);
                entry.Clear();
            }

            entry.Add(line);
        }

        if (entry.Count > 0)
        {
            yield return string.Join("\n", entry);
        }
    }

    private static string? SimpleConnectionId(string entry) => ConnectionIdInScope().Match(entry) is { Success: true } match ? match.Groups[1].Value : null;

    private static IEnumerable<string> JsonEntries(IReadOnlyList<string> lines) => lines.Where(l => l.StartsWith('{'));

    private static string? JsonConnectionId(string entry)
    {
        using var json = JsonDocument.Parse(entry);
        return json.RootElement.TryGetProperty("Scopes", out var scopes)
            ? scopes.EnumerateArray()
                .Where(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("ConnectionId", out _))
                .Select(s => s.GetProperty("ConnectionId").GetString())
                .FirstOrDefault()
            : null;
    }

    private static IEnumerable<string> RequestIds(string entry) => RequestIdInScope().Matches(entry).Select(m => m.Groups[1].Value);

    [GeneratedRegex("^(trce|dbug|info|warn|fail|crit): ")]
    private static partial Regex EntryStart();

    [GeneratedRegex(@"ConnectionId:(\S+)")]
    private static partial Regex ConnectionIdInScope();

    [GeneratedRegex(@"RequestId:([^\s,]+)")]
    private static partial Regex RequestIdInScope();
}

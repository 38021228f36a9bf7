using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Slotflow.Api.Tests.Support;

namespace Slotflow.Api.Tests.Mcp;

/// <summary>The official MCP client, connected over Streamable HTTP to the service's /mcp with an organization's key.</summary>
internal sealed class McpConnection(McpClient client) : IAsyncDisposable
{
    public McpClient Client { get; } = client;

    public static async Task<McpConnection> OpenAsync(SlotflowApiFactory factory, string apiKey)
    {
        var http = factory.ClientWith(apiKey);
        var transport = new HttpClientTransport(
            new HttpClientTransportOptions { Endpoint = new Uri(http.BaseAddress!, "/mcp"), TransportMode = HttpTransportMode.StreamableHttp },
            http,
            ownsHttpClient: true);
        return new McpConnection(await McpClient.CreateAsync(transport));
    }

    public Task<CallToolResult> CallAsync(string tool, object? arguments = null) =>
        Client.CallToolAsync(tool, arguments is null ? null : ToDictionary(arguments)).AsTask();

    /// <summary>A success: its structured content.</summary>
    public async Task<JsonElement> SucceedAsync(string tool, object? arguments = null)
    {
        var result = await CallAsync(tool, arguments);
        Assert.That(result.IsError, Is.Not.True, $"{tool}: {Text(result)}");
        Assert.That(result.StructuredContent, Is.Not.Null, tool);
        return result.StructuredContent!.Value;
    }

    /// <summary>A refusal: a tool result with isError whose structured content is the REST error envelope; its error.</summary>
    public async Task<JsonElement> RefuseAsync(string tool, object? arguments, string code)
    {
        var result = await CallAsync(tool, arguments);
        Assert.That(result.IsError, Is.True, $"{tool} should be refused with {code}: {Text(result)}");
        var error = result.StructuredContent!.Value.GetProperty("error");
        Assert.Multiple(() =>
        {
            Assert.That(error.GetProperty("code").GetString(), Is.EqualTo(code), Text(result));
            Assert.That(Text(result), Does.StartWith($"{code}: {error.GetProperty("message").GetString()}"));
        });
        return error;
    }

    public static string Text(CallToolResult result) => string.Join("\n", result.Content.OfType<TextContentBlock>().Select(t => t.Text));

    /// <summary>Two JSON documents are the same values (property order and escaping aside).</summary>
    public static void AssertSameJson(JsonElement actual, JsonElement expected, string because) =>
        Assert.That(JsonNode.DeepEquals(JsonNode.Parse(actual.GetRawText()), JsonNode.Parse(expected.GetRawText())), Is.True,
            $"{because}\n  MCP:  {actual.GetRawText()}\n  REST: {expected.GetRawText()}");

    public ValueTask DisposeAsync() => Client.DisposeAsync();

    private static Dictionary<string, object?> ToDictionary(object arguments) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(JsonSerializer.Serialize(arguments))!
            .ToDictionary(p => p.Key, p => (object?)p.Value);
}

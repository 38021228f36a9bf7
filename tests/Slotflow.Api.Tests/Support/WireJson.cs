using System.Net;
using System.Text;
using System.Text.Json;

namespace Slotflow.Api.Tests.Support;

internal static class WireJson
{
    public static StringContent Body(string json, string contentType = "application/json") =>
        new(json, Encoding.UTF8, contentType);

    public static StringContent Body(object value) => Body(JsonSerializer.Serialize(value));

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public static IReadOnlyList<string> PropertyNames(JsonElement element) =>
        [.. element.EnumerateObject().Select(p => p.Name)];

    /// <summary>Asserts the spec's error envelope with this status and code, and returns its error object.</summary>
    public static async Task<JsonElement> AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), text);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"), text);
        using var document = JsonDocument.Parse(text);
        var error = document.RootElement.GetProperty("error").Clone();
        Assert.Multiple(() =>
        {
            Assert.That(PropertyNames(document.RootElement), Is.EqualTo(new[] { "error" }));
            Assert.That(error.GetProperty("code").GetString(), Is.EqualTo(code), text);
            Assert.That(error.GetProperty("status").GetInt32(), Is.EqualTo((int)status), text);
            Assert.That(error.GetProperty("message").GetString(), Is.Not.Empty);
            Assert.That(text, Does.Not.Contain("   at "), "no stack trace");
        });
        return error;
    }
}

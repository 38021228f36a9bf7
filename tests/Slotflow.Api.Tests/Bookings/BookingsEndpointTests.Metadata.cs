using System.Net;
using System.Text;
using System.Text.Json;
using Slotflow.Api.Tests.Support;

namespace Slotflow.Api.Tests;

/// <summary>A booking's metadata.</summary>
public sealed partial class BookingsEndpointTests
{
    [Test]
    public async Task Create_WithRichMetadata_ReturnsItUnchanged_OnCreateGetAndList()
    {
        const string metadata = """
            {"customer":{"name":"Zoë Ünal","tags":["vip","日本",{"deep":{"deeper":[1,[2,[3,{"x":null}]]]}}],"empty_object":{},"empty_array":[]},
             "emoji":"🎉👩‍💻","price":1.50,"exp":1e3,"neg_zero":-0,"big":12345678901234567890,"tiny":-1.5E-7,
             "flags":[true,false,null],"nothing":null,"text":"quote \" backslash \\ newline \n tab \t","escaped":"\u00e9\u65e5"}
            """;

        var response = await PostAsync(BookingJson(_humanId, At(Monday, "10:00"), extra: $",\"metadata\":{metadata}"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var created = (await WireJson.ReadAsync(response)).GetProperty("metadata");
        var id = (await WireJson.ReadAsync(await _organization.Client.GetAsync("/v1/bookings"))).GetProperty("bookings")[0].GetProperty("id").GetString();
        var fetched = (await WireJson.ReadAsync(await _organization.Client.GetAsync($"/v1/bookings/{id}"))).GetProperty("metadata");
        var listed = (await WireJson.ReadAsync(await _organization.Client.GetAsync("/v1/bookings"))).GetProperty("bookings")[0].GetProperty("metadata");

        foreach (var (returned, where) in new[] { (created, "POST"), (fetched, "GET"), (listed, "list") })
        {
            Assert.Multiple(() =>
            {
                Assert.That(JsonElement.DeepEquals(returned, Json(metadata)), Is.True, $"{where}: {returned.GetRawText()}");
                Assert.That(WireJson.PropertyNames(returned), Is.EqualTo(WireJson.PropertyNames(Json(metadata))), where);
                Assert.That(returned.GetProperty("customer").GetProperty("name").GetString(), Is.EqualTo("Zoë Ünal"), where);
                Assert.That(returned.GetProperty("customer").GetProperty("tags")[1].GetString(), Is.EqualTo("日本"), where);
                Assert.That(returned.GetProperty("emoji").GetString(), Is.EqualTo("🎉👩‍💻"), where);
                Assert.That(returned.GetProperty("escaped").GetString(), Is.EqualTo("é日"), where);
                Assert.That(returned.GetProperty("text").GetString(), Is.EqualTo("quote \" backslash \\ newline \n tab \t"), where);
                Assert.That(returned.GetProperty("price").GetRawText(), Is.EqualTo("1.50"), where);
                Assert.That(returned.GetProperty("exp").GetRawText(), Is.EqualTo("1e3"), where);
                Assert.That(returned.GetProperty("neg_zero").GetRawText(), Is.EqualTo("-0"), where);
                Assert.That(returned.GetProperty("big").GetRawText(), Is.EqualTo("12345678901234567890"), where);
                Assert.That(returned.GetProperty("tiny").GetRawText(), Is.EqualTo("-1.5E-7"), where);
                Assert.That(returned.GetProperty("flags").GetRawText(), Is.EqualTo("[true,false,null]"), where);
                Assert.That(returned.GetProperty("nothing").ValueKind, Is.EqualTo(JsonValueKind.Null), where);
                Assert.That(returned.GetProperty("customer").GetProperty("empty_object").GetRawText(), Is.EqualTo("{}"), where);
                Assert.That(returned.GetProperty("customer").GetProperty("empty_array").GetRawText(), Is.EqualTo("[]"), where);
            });
        }
    }

    [TestCase("", TestName = "Create_WithMetadataAbsent_ReturnsNull")]
    [TestCase(",\"metadata\":null", TestName = "Create_WithMetadataNull_ReturnsNull")]
    public async Task Create_WithoutMetadata_ReturnsNull(string extra)
    {
        var response = await PostAsync(BookingJson(_humanId, At(Monday, "10:00"), extra: extra));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var id = (await WireJson.ReadAsync(response)).GetProperty("id").GetString();
        Assert.That((await WireJson.ReadAsync(response)).GetProperty("metadata").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That((await WireJson.ReadAsync(await _organization.Client.GetAsync($"/v1/bookings/{id}"))).GetProperty("metadata").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public async Task Create_WithEmptyMetadataObject_ReturnsAnEmptyObject()
    {
        var booking = await BookAsync(At(Monday, "10:00"), extra: ",\"metadata\":{}");

        Assert.That(booking.GetProperty("metadata").GetRawText(), Is.EqualTo("{}"));
    }

    [Test]
    public async Task Create_WithMetadataOfExactly16KiB_Returns201AndKeepsIt()
    {
        var metadata = MetadataOfBytes(16 * 1024);
        Assert.That(Encoding.UTF8.GetByteCount(metadata), Is.EqualTo(16 * 1024));

        var booking = await BookAsync(At(Monday, "10:00"), extra: $",\"metadata\":{metadata}");

        Assert.That(JsonElement.DeepEquals(booking.GetProperty("metadata"), Json(metadata)), Is.True);
    }
}

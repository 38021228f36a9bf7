using System.Globalization;
using System.Text.Json;
using Slotflow.Api.Wire;
using Slotflow.Application.Slots;

namespace Slotflow.Api.Tests.Wire;

public class SlotJsonConverterTests
{
    private static readonly JsonSerializerOptions Options = ResponseOptions();

    [Test]
    public void SlotsResponse_IsWrittenInTheWireFormat()
    {
        var slots = new SlotsDto(
            Guid.Parse("6f1c1d1e-2a3b-4c5d-8e9f-0a1b2c3d4e5f"),
            30,
            "Europe/Berlin",
            [new SlotDto(Instant("2026-03-02T08:00:00+01:00"), Instant("2026-03-02T08:30:00+01:00")), new SlotDto(Instant("2026-03-02T09:05:00Z"), Instant("2026-03-02T09:35:00Z"))],
            2);

        Assert.That(
            JsonSerializer.Serialize(slots, Options),
            Is.EqualTo(
                """{"human_id":"6f1c1d1e-2a3b-4c5d-8e9f-0a1b2c3d4e5f","duration":30,"timezone":"Europe/Berlin","slots":["""
                + """{"starts_at":"2026-03-02T07:00:00.000Z","ends_at":"2026-03-02T07:30:00.000Z"},"""
                + """{"starts_at":"2026-03-02T09:05:00.000Z","ends_at":"2026-03-02T09:35:00.000Z"}],"total":2,"next_available_at":null,"empty_reason":null}"""));
    }

    [Test]
    public void EmptySlotList_IsAnEmptyArray() =>
        Assert.That(
            JsonSerializer.Serialize(new SlotsDto(Guid.Empty, 60, "UTC", [], 0), Options),
            Does.Contain("\"slots\":[],\"total\":0"));

    private static JsonSerializerOptions ResponseOptions()
    {
        var options = new JsonSerializerOptions();
        SlotflowJson.ApplyForResponses(options);
        return options;
    }

    private static DateTimeOffset Instant(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
}

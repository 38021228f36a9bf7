using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Slotflow.Api.Wire;
using Slotflow.Application.Slots;

namespace Slotflow.Benchmarks;

/// <summary>
/// Writing a month of slots as a response does: the response options (with the slot writer) against the general
/// options (each slot through the object converter, as the OpenAPI options would).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class SlotsJsonBenchmarks
{
    private static readonly JsonSerializerOptions General = SlotflowJson.Options;
    private static readonly JsonSerializerOptions Responses = ResponseOptions();

    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);
    private SlotsDto _month = null!;

    [GlobalSetup]
    public void Setup()
    {
        // 704 half hours, about what a month of an around-the-clock calendar's weekdays gives.
        var start = new DateTimeOffset(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);
        var slots = Enumerable.Range(0, 704).Select(i => new SlotDto(start.AddMinutes(30 * i), start.AddMinutes((30 * i) + 30))).ToList();
        _month = new SlotsDto(Guid.NewGuid(), 30, "America/New_York", slots, slots.Count);
    }

    [Benchmark(Baseline = true, Description = "Slots JSON, 704 slots, object converter")]
    public int ObjectConverter() => Write(General);

    [Benchmark(Description = "Slots JSON, 704 slots, slot writer")]
    public int SlotWriter() => Write(Responses);

    private int Write(JsonSerializerOptions options)
    {
        _buffer.ResetWrittenCount();
        using var writer = new Utf8JsonWriter(_buffer);
        JsonSerializer.Serialize(writer, _month, options);
        return _buffer.WrittenCount;
    }

    private static JsonSerializerOptions ResponseOptions()
    {
        var options = new JsonSerializerOptions();
        SlotflowJson.ApplyForResponses(options);
        return options;
    }
}

using Slotflow.Api.Tests.Support;

namespace Slotflow.Api.Tests;

/// <summary>GET slots against the bookings made and cancelled.</summary>
public sealed partial class BookingsEndpointTests
{
    /// <summary>Issue 3's documented example, now with its Monday 10:00–10:30 booking made over HTTP.</summary>
    [Test]
    public async Task Slots_ForTheDocumentedWeekWithAMondayBooking_MatchTheSpecExample()
    {
        var humanId = await HumanSetup.CreateAsync(_organization.Client);
        await HumanSetup.AddOverrideAsync(_organization.Client, humanId, """{"type":"block","title":"Team sync","start_date":"2026-03-03","start_time":"14:00","end_time":"15:00","recurrence":{"freq":"weekly","days":[2]}}""");
        await HumanSetup.AddOverrideAsync(_organization.Client, humanId, """{"type":"open","title":"Saturday","start_date":"2026-03-21","start_time":"10:00","end_time":"14:00"}""");
        await BookAsync(At(Monday, "10:00"), humanId: humanId);

        var body = await WireJson.ReadAsync(await _organization.Client.GetAsync($"/v1/humans/{humanId}/slots?date_from=2026-03-16&date_to=2026-03-22&duration=30"));

        var starts = body.GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("starts_at").GetString()!).ToList();
        var perDay = starts.GroupBy(s => s[..10]).ToDictionary(g => g.Key, g => g.Count());
        Assert.Multiple(() =>
        {
            Assert.That(perDay, Is.EqualTo(new Dictionary<string, int>
            {
                ["2026-03-16"] = 15, ["2026-03-17"] = 14, ["2026-03-18"] = 16, ["2026-03-19"] = 16, ["2026-03-20"] = 16, ["2026-03-21"] = 8,
            }));
            Assert.That(body.GetProperty("total").GetInt32(), Is.EqualTo(85));
            Assert.That(starts, Does.Not.Contain("2026-03-16T14:00:00.000Z"));
            Assert.That(starts, Does.Contain("2026-03-16T13:30:00.000Z").And.Contain("2026-03-16T14:30:00.000Z"));
            Assert.That(starts[0], Is.EqualTo("2026-03-16T13:00:00.000Z"));
            Assert.That(starts, Does.Not.Contain("2026-03-17T18:00:00.000Z").And.Not.Contain("2026-03-17T18:30:00.000Z"));
            Assert.That(starts.First(s => s.StartsWith(Saturday, StringComparison.Ordinal)), Is.EqualTo("2026-03-21T14:00:00.000Z"));
            Assert.That(starts, Is.Ordered);
        });
    }

    [Test]
    public async Task Slots_WithACancelledBooking_AreNotReduced()
    {
        var booking = await BookAsync(At(Monday, "10:00"));
        await CancelAsync(booking);

        var starts = await SlotStartsAsync($"/v1/humans/{_humanId}/slots?date_from=2026-03-16&date_to=2026-03-16&duration=30");

        Assert.That(starts, Has.Count.EqualTo(16));
    }

    [Test]
    public async Task Slots_AroundAnOffGridBooking_LeaveOutEveryOverlappedCandidate()
    {
        await BookAsync(At(Monday, "10:15"));

        var starts = await SlotStartsAsync($"/v1/humans/{_humanId}/slots?date_from=2026-03-16&date_to=2026-03-16&duration=30");

        Assert.Multiple(() =>
        {
            Assert.That(starts, Does.Not.Contain("2026-03-16T14:00:00.000Z").And.Not.Contain("2026-03-16T14:30:00.000Z"));
            Assert.That(starts, Has.Count.EqualTo(14));
        });
    }
}

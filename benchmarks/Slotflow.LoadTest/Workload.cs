using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Slotflow.LoadTest;

/// <summary>
/// Humans open around the clock, with an endless supply of distinct free half hours to book; and humans with an
/// ordinary week (New York, Mon–Fri 09:00–17:00, a recurring block and an open evening) whose month of slots is queried.
/// </summary>
internal sealed class Workload
{
    private readonly HttpClient _client;
    private readonly List<string> _openHumans;
    private readonly List<string> _calendarHumans;
    private readonly ConcurrentQueue<(string HumanId, DateTimeOffset Start)> _freeSlots;
    private readonly ConcurrentQueue<(string HumanId, DateTimeOffset Start)> _bookedSlots = new();
    private int _slotQueries;
    private int _ordinaryRefusals;

    private Workload(HttpClient client, List<string> openHumans, List<string> calendarHumans, ConcurrentQueue<(string, DateTimeOffset)> freeSlots)
    {
        _client = client;
        _openHumans = openHumans;
        _calendarHumans = calendarHumans;
        _freeSlots = freeSlots;
    }

    public static async Task<Workload> PrepareAsync(ServiceProcess service, int humans)
    {
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        var client = new HttpClient(handler) { BaseAddress = service.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", service.ApiKey);

        var ids = new List<string>();
        for (var i = 0; i < humans - CalendarHumans; i++)
        {
            ids.Add(await CreateHumanAsync(client, "UTC", """{"working_days":[1,2,3,4,5,6,7],"work_start":"00:00","work_end":"24:00","meeting_durations":[30]}"""));
        }

        var calendarHumans = new List<string>();
        for (var i = 0; i < CalendarHumans; i++)
        {
            calendarHumans.Add(await CreateOrdinaryWeekHumanAsync(client));
        }

        // One booking per ordinary week, whose time BookTakenOnAnOrdinaryWeekAsync asks for again.
        foreach (var id in calendarHumans)
        {
            if (await PostBookingAsync(client, (id, TakenOnOrdinaryWeek), CancellationToken.None) != 201)
            {
                throw new InvalidOperationException("Could not book the ordinary week's taken time.");
            }
        }

        // Distinct half hours from tomorrow on, interleaved across humans so concurrent bookings rarely share one.
        var slots = new ConcurrentQueue<(string, DateTimeOffset)>();
        var first = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(1), TimeSpan.Zero);
        for (var slot = 0; slot < 48 * 365; slot++)
        {
            foreach (var id in ids)
            {
                slots.Enqueue((id, first.AddMinutes(30 * slot)));
            }
        }

        return new Workload(client, ids, calendarHumans, slots);
    }

    private const int CalendarHumans = 5;

    /// <summary>A Tuesday 10:00 in New York some weeks ahead (EDT or EST, either way inside 09:00–17:00).</summary>
    private static readonly DateTimeOffset TakenOnOrdinaryWeek = NextTuesdayTen();

    private static DateTimeOffset NextTuesdayTen()
    {
        var day = DateTime.UtcNow.Date.AddDays(21);
        while (day.DayOfWeek != DayOfWeek.Tuesday)
        {
            day = day.AddDays(1);
        }

        return new DateTimeOffset(day.AddHours(15), TimeSpan.Zero); // 10:00 EST, 11:00 EDT
    }

    /// <summary>A human with an ordinary week: New York, Mon–Fri 09:00–17:00, a recurring standup block and an open Thursday evening.</summary>
    internal static async Task<string> CreateOrdinaryWeekHumanAsync(HttpClient client)
    {
        var id = await CreateHumanAsync(client, "America/New_York", """{"working_days":[1,2,3,4,5],"work_start":"09:00","work_end":"17:00","meeting_durations":[30,60]}""");
        await PostAsync(client, $"/v1/humans/{id}/overrides", """{"type":"block","title":"Standup","start_date":"2026-01-05","start_time":"09:00","end_time":"09:30","recurrence":{"freq":"weekly","days":[1,3,5]}}""");
        await PostAsync(client, $"/v1/humans/{id}/overrides", """{"type":"open","title":"Evening","start_date":"2026-01-08","start_time":"18:00","end_time":"20:00","recurrence":{"freq":"weekly","days":[4]}}""");
        return id;
    }

    private static async Task<string> CreateHumanAsync(HttpClient client, string timezone, string rules)
    {
        var created = await client.PostAsJsonAsync("/v1/humans", new { name = "Load", timezone });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        (await client.PutAsync($"/v1/humans/{id}/availability", new StringContent(rules, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        return id;
    }

    private static async Task PostAsync(HttpClient client, string path, string json) =>
        (await client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();

    /// <summary>
    /// Brings every human to <paramref name="count"/> overrides (<see cref="OverrideMix"/>), eight requests at a time:
    /// the same humans then measured again show what a calendar at the cap costs.
    /// </summary>
    public async Task AddOverridesAsync(int count)
    {
        const int calendarOverrides = 2; // the standup and the evening of PrepareAsync
        var bodies = _openHumans.SelectMany((id, i) => OverrideMix.Bodies(count, withBlocks: false, seed: i).Select(body => (id, body)))
            .Concat(_calendarHumans.SelectMany((id, i) => OverrideMix.Bodies(count - calendarOverrides, withBlocks: true, seed: 1000 + i).Select(body => (id, body))));
        await Parallel.ForEachAsync(bodies, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (item, cancellationToken) =>
            await PostAsync(_client, $"/v1/humans/{item.id}/overrides", item.body));
    }

    public async Task<int> BookAsync(CancellationToken cancellationToken)
    {
        if (!_freeSlots.TryDequeue(out var slot))
        {
            throw new InvalidOperationException("Ran out of prepared slots.");
        }

        var status = await PostBookingAsync(slot, cancellationToken);
        if (status == 201)
        {
            _bookedSlots.Enqueue(slot);
        }

        return status;
    }

    /// <summary>
    /// A booking of a half hour already booked by <see cref="BookAsync"/>: refused 409 with the conflict and three
    /// alternatives (spec §11.3), which is what a refusal costs next to an accepted booking.
    /// </summary>
    public async Task<int> BookTakenAsync(CancellationToken cancellationToken)
    {
        if (!_bookedSlots.TryDequeue(out var slot))
        {
            throw new InvalidOperationException("Nothing booked yet: run the booking phase first.");
        }

        _bookedSlots.Enqueue(slot);
        return await PostBookingAsync(slot, cancellationToken);
    }

    /// <summary>
    /// A hold of a distinct free half hour and its confirm (spec §11.1), the agent's "ask the user first" pattern: one
    /// operation of two requests, answered by the confirm's status.
    /// </summary>
    public async Task<int> HoldAndConfirmAsync(CancellationToken cancellationToken)
    {
        if (!_freeSlots.TryDequeue(out var slot))
        {
            throw new InvalidOperationException("Ran out of prepared slots.");
        }

        var body = $$"""{"human_id":"{{slot.HumanId}}","starts_at":"{{slot.Start.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}}","duration":30,"ttl_seconds":120,"metadata":{"source":"load-test"} }""";
        using var held = await _client.PostAsync("/v1/holds", new StringContent(body, Encoding.UTF8, "application/json"), cancellationToken);
        if (held.StatusCode != System.Net.HttpStatusCode.Created)
        {
            return (int)held.StatusCode;
        }

        var holdId = (await held.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetString();
        using var confirmed = await _client.PostAsync(
            $"/v1/holds/{holdId}/confirm", new StringContent("""{"attendee_name":"Load"}""", Encoding.UTF8, "application/json"), cancellationToken);
        await confirmed.Content.LoadIntoBufferAsync(cancellationToken);
        return (int)confirmed.StatusCode;
    }

    /// <summary>
    /// A booking of the time already booked on an ordinary week (a few bookings, free time around it): refused 409
    /// with alternatives found in the days around it, the common case of an agent that lost a race.
    /// </summary>
    public Task<int> BookTakenOnAnOrdinaryWeekAsync(CancellationToken cancellationToken) =>
        PostBookingAsync(_client, (_calendarHumans[Interlocked.Increment(ref _ordinaryRefusals) % _calendarHumans.Count], TakenOnOrdinaryWeek), cancellationToken);

    private Task<int> PostBookingAsync((string HumanId, DateTimeOffset Start) slot, CancellationToken cancellationToken) =>
        PostBookingAsync(_client, slot, cancellationToken);

    private static async Task<int> PostBookingAsync(HttpClient client, (string HumanId, DateTimeOffset Start) slot, CancellationToken cancellationToken)
    {
        var body = $$"""{"human_id":"{{slot.HumanId}}","starts_at":"{{slot.Start.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}}","duration":30,"attendee_name":"Load","metadata":{"source":"load-test"} }""";
        using var response = await client.PostAsync("/v1/bookings", new StringContent(body, Encoding.UTF8, "application/json"), cancellationToken);
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        return (int)response.StatusCode;
    }

    public async Task<int> QuerySlotsAsync(CancellationToken cancellationToken)
    {
        var n = Interlocked.Increment(ref _slotQueries);
        var human = _calendarHumans[n % _calendarHumans.Count];
        var from = DateTime.UtcNow.Date.AddDays(1 + (n % 60));
        var url = $"/v1/humans/{human}/slots?date_from={from:yyyy-MM-dd}&date_to={from.AddDays(30):yyyy-MM-dd}&duration=30";
        using var response = await _client.GetAsync(url, cancellationToken);
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        return (int)response.StatusCode;
    }
}

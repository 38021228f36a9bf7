using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Slotflow.LoadTest;

/// <summary>Humans with long weekly hours, and an endless supply of distinct free half hours to book.</summary>
internal sealed class Workload
{
    private readonly HttpClient _client;
    private readonly List<string> _humans;
    private readonly ConcurrentQueue<(string HumanId, DateTimeOffset Start)> _freeSlots;
    private int _slotQueries;

    private Workload(HttpClient client, List<string> humans, ConcurrentQueue<(string, DateTimeOffset)> freeSlots)
    {
        _client = client;
        _humans = humans;
        _freeSlots = freeSlots;
    }

    public static async Task<Workload> PrepareAsync(ServiceProcess service, int humans)
    {
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        var client = new HttpClient(handler) { BaseAddress = service.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", service.ApiKey);

        var ids = new List<string>();
        for (var i = 0; i < humans; i++)
        {
            var created = await client.PostAsJsonAsync("/v1/humans", new { name = $"Load {i}", timezone = "UTC" });
            created.EnsureSuccessStatusCode();
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
            var rules = await client.PutAsync(
                $"/v1/humans/{id}/availability",
                new StringContent("""{"working_days":[1,2,3,4,5,6,7],"work_start":"00:00","work_end":"24:00","meeting_durations":[30]}""", Encoding.UTF8, "application/json"));
            rules.EnsureSuccessStatusCode();
            ids.Add(id);
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

        return new Workload(client, ids, slots);
    }

    public async Task<int> BookAsync(CancellationToken cancellationToken)
    {
        if (!_freeSlots.TryDequeue(out var slot))
        {
            throw new InvalidOperationException("Ran out of prepared slots.");
        }

        var body = $$"""{"human_id":"{{slot.HumanId}}","starts_at":"{{slot.Start.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}}","duration":30,"attendee_name":"Load","metadata":{"source":"load-test"} }""";
        using var response = await _client.PostAsync("/v1/bookings", new StringContent(body, Encoding.UTF8, "application/json"), cancellationToken);
        return (int)response.StatusCode;
    }

    public async Task<int> QuerySlotsAsync(CancellationToken cancellationToken)
    {
        var n = Interlocked.Increment(ref _slotQueries);
        var human = _humans[n % _humans.Count];
        var from = DateTime.UtcNow.Date.AddDays(1 + (n % 60));
        var url = $"/v1/humans/{human}/slots?date_from={from:yyyy-MM-dd}&date_to={from.AddDays(30):yyyy-MM-dd}&duration=30";
        using var response = await _client.GetAsync(url, cancellationToken);
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        return (int)response.StatusCode;
    }
}

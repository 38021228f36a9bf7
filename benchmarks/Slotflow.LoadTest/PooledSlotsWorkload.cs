using System.Net.Http.Headers;

namespace Slotflow.LoadTest;

/// <summary>
/// Pooled slot queries (spec §12): a second organization with 20 humans of the ordinary week the single-human slot
/// phase queries, asked for all 20 over the same 31 days in one request.
/// </summary>
internal sealed class PooledSlotsWorkload(HttpClient client, string humanIds)
{
    public const int Humans = 20;

    private int _queries;

    public static async Task<PooledSlotsWorkload> PrepareAsync(ServiceProcess service)
    {
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        var client = new HttpClient(handler) { BaseAddress = service.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await service.CreateOrganizationAsync("Load test, pooled"));
        var ids = new List<string>();
        for (var i = 0; i < Humans; i++)
        {
            ids.Add(await Workload.CreateOrdinaryWeekHumanAsync(client));
        }

        return new PooledSlotsWorkload(client, string.Join(',', ids));
    }

    public async Task<int> QueryPooledSlotsAsync(CancellationToken cancellationToken)
    {
        var n = Interlocked.Increment(ref _queries);
        var from = DateTime.UtcNow.Date.AddDays(1 + (n % 60));
        var url = $"/v1/slots?human_ids={humanIds}&date_from={from:yyyy-MM-dd}&date_to={from.AddDays(30):yyyy-MM-dd}&duration=30";
        using var response = await client.GetAsync(url, cancellationToken);
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        return (int)response.StatusCode;
    }
}

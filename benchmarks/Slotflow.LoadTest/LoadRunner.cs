using System.Collections.Concurrent;
using System.Diagnostics;

namespace Slotflow.LoadTest;

internal sealed record LoadResult(int Requests, TimeSpan Elapsed, IReadOnlyList<double> LatenciesMs, IReadOnlyDictionary<int, int> Statuses, TimeSpan ServiceCpu);

/// <summary>A fixed number of clients, each sending one request after another, for a fixed time; then it stops by itself.</summary>
internal static class LoadRunner
{
    public static async Task<LoadResult> RunAsync(ServiceProcess service, int clients, TimeSpan warmup, TimeSpan duration, Func<CancellationToken, Task<int>> request)
    {
        // A warm-up, not counted: 10 s into the load the tiered JIT still took a fifth of the service's CPU.
        await RunForAsync(clients, warmup, request, new ConcurrentBag<double>(), new ConcurrentDictionary<int, int>());

        var latencies = new ConcurrentBag<double>();
        var statuses = new ConcurrentDictionary<int, int>();
        var cpuBefore = service.CpuTime;
        var elapsed = await RunForAsync(clients, duration, request, latencies, statuses);
        var serviceCpu = service.CpuTime - cpuBefore;
        var sorted = latencies.Order().ToList();
        return new LoadResult(sorted.Count, elapsed, sorted, statuses, serviceCpu);
    }

    private static async Task<TimeSpan> RunForAsync(
        int clients, TimeSpan duration, Func<CancellationToken, Task<int>> request, ConcurrentBag<double> latencies, ConcurrentDictionary<int, int> statuses)
    {
        using var stop = new CancellationTokenSource(duration);
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, clients).Select(async _ =>
        {
            while (!stop.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                int status;
                try
                {
                    status = await request(CancellationToken.None);
                }
                catch (HttpRequestException)
                {
                    status = 0;
                }

                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                statuses.AddOrUpdate(status, 1, (_, count) => count + 1);
            }
        });
        await Task.WhenAll(workers);
        return clock.Elapsed;
    }
}

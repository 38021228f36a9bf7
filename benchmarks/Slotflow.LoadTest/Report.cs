using System.Globalization;

namespace Slotflow.LoadTest;

internal static class Report
{
    public static void Print(string name, LoadResult result)
    {
        var perSecond = PerSecond(result);
        var statuses = string.Join(", ", result.Statuses.OrderBy(s => s.Key).Select(s => $"{s.Value}×{(s.Key == 0 ? "error" : s.Key)}"));
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{name}: {perSecond:F0} req/s over {result.Elapsed.TotalSeconds:F1} s ({result.Requests} requests: {statuses}); latency p50 {Percentile(result.LatenciesMs, 0.50):F1} ms, p99 {Percentile(result.LatenciesMs, 0.99):F1} ms; service CPU {result.ServiceCpu.TotalMilliseconds / result.Requests:F2} ms per request ({result.ServiceCpu.TotalSeconds / result.Elapsed.TotalSeconds:F2} cores)"));
    }

    public static double PerSecond(LoadResult result) => result.Requests / result.Elapsed.TotalSeconds;

    public static double CpuPerRequest(LoadResult result) => result.ServiceCpu.TotalMilliseconds / result.Requests;

    private static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}

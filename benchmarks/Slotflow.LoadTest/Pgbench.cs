using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;
using Slotflow.Api.Tests.Support;

namespace Slotflow.LoadTest;

/// <summary>
/// The PostgreSQL floor: pgbench's own single-row INSERT transactions on the same cluster, with as many clients
/// as the load phases, in the same run; a booking is one transaction of a few statements, so this bounds it.
/// </summary>
internal static partial class Pgbench
{
    public static async Task<double> InsertTransactionsPerSecondAsync(string connectionString, int clients, int seconds)
    {
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE TABLE pgbench_floor (id bigserial PRIMARY KEY, v integer NOT NULL)", connection);
            await create.ExecuteNonQueryAsync();
        }

        var script = Path.Combine(Path.GetTempPath(), $"slotflow-pgbench-{Guid.NewGuid():N}.sql");
        await File.WriteAllTextAsync(script, "INSERT INTO pgbench_floor (v) VALUES (1);\n");
        try
        {
            var target = new NpgsqlConnectionStringBuilder(connectionString);
            var start = new ProcessStartInfo(PostgresServer.Tool("pgbench")) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[]
            {
                "-n", "-f", script, "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", "2",
                "-T", seconds.ToString(CultureInfo.InvariantCulture), "-h", target.Host!,
                "-p", target.Port.ToString(CultureInfo.InvariantCulture), "-U", target.Username!, target.Database!,
            })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            var tps = TpsLine().Match(await output);
            if (process.ExitCode != 0 || !tps.Success)
            {
                throw new InvalidOperationException($"pgbench failed ({process.ExitCode}): {await output}{await error}");
            }

            return double.Parse(tps.Groups[1].Value, CultureInfo.InvariantCulture);
        }
        finally
        {
            File.Delete(script);
        }
    }

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex TpsLine();
}

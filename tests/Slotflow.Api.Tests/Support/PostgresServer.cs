using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Slotflow.Api.Tests.Support;

/// <summary>
/// The PostgreSQL server of a test run: the one named by SLOTFLOW_TEST_POSTGRES (an admin connection string), or a
/// throwaway PostgreSQL 15 cluster in a temporary folder on a free loopback port, started on first use and stopped
/// at the end of the run. PostgreSQL refuses to run as root, so under root it runs as SLOTFLOW_TEST_PG_USER
/// (default "postgres"). If it cannot start, the tests that need it fail.
/// </summary>
public static class PostgresServer
{
    public const string ConnectionVariable = "SLOTFLOW_TEST_POSTGRES";

    private static readonly Lazy<Cluster?> Started = new(StartCluster);

    /// <summary>
    /// Set before first use for a cluster that keeps PostgreSQL's own durability (fsync, synchronous commit), as in
    /// production: the load tool measures on one. The tests leave it off.
    /// </summary>
    public static bool Durable { get; set; }

    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } existing ? existing : Started.Value!.ConnectionString;

    /// <summary>A new empty database on the server; its connection string.</summary>
    public static string CreateDatabase(string name)
    {
        using var connection = new NpgsqlConnection(AdminConnectionString);
        connection.Open();
        using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        create.ExecuteNonQuery();
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = true, MaxPoolSize = 120 }.ConnectionString;
    }

    public static void DropDatabase(string name, string connectionString)
    {
        using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        using var connection = new NpgsqlConnection(AdminConnectionString);
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        drop.ExecuteNonQuery();
    }

    /// <summary>Stops the throwaway cluster, if this run started one.</summary>
    public static void Stop()
    {
        if (Started.IsValueCreated && Started.Value is { } cluster)
        {
            cluster.Stop();
        }
    }

    /// <summary>The path of one of the server's own programs (e.g. pgbench), from the same installation as the cluster.</summary>
    public static string Tool(string name) => Path.Combine(Cluster.FindBinaries(), name);

    private static Cluster? StartCluster() => Cluster.Start();

    private sealed class Cluster
    {
        private readonly string _bin;
        private readonly string _directory;
        private readonly string? _runAs;

        private Cluster(string bin, string directory, string? runAs, string connectionString)
        {
            _bin = bin;
            _directory = directory;
            _runAs = runAs;
            ConnectionString = connectionString;
        }

        public string ConnectionString { get; }

        public static Cluster Start()
        {
            var bin = FindBinaries();
            var directory = Path.Combine(Path.GetTempPath(), $"slotflow-pg-{Guid.NewGuid():N}");
            var runAs = Environment.UserName == "root" ? Environment.GetEnvironmentVariable("SLOTFLOW_TEST_PG_USER") ?? "postgres" : null;
            var port = FreeLoopbackPort();
            var cluster = new Cluster(bin, directory, runAs, $"Host=127.0.0.1;Port={port};Username=slotflow;Database=postgres;Pooling=false;Timeout=30");

            cluster.Run("initdb", "-D", directory, "-U", "slotflow", "-A", "trust", "-E", "UTF8", "--no-sync");
            // Durability is not under test: without fsync the suite runs several times faster.
            var durability = Durable ? string.Empty : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
            cluster.Run(
                "pg_ctl", "-D", directory, "-l", Path.Combine(directory, "server.log"), "-w", "-t", "60", "-o",
                $"-c listen_addresses=127.0.0.1 -p {port} -c unix_socket_directories={directory} -c max_connections=500{durability}",
                "start");
            AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Stop();
            return cluster;
        }

        public void Stop()
        {
            if (!Directory.Exists(_directory))
            {
                return;
            }

            try
            {
                Run("pg_ctl", "-D", _directory, "-m", "immediate", "-w", "stop");
            }
            finally
            {
                Directory.Delete(_directory, recursive: true);
            }
        }

        public static string FindBinaries()
        {
            var candidates = new[] { Environment.GetEnvironmentVariable("SLOTFLOW_TEST_PG_BIN"), "/usr/lib/postgresql/15/bin" }
                .Concat(Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")) : []);
            return candidates.FirstOrDefault(c => c is not null && File.Exists(Path.Combine(c, "initdb")))
                ?? throw new InvalidOperationException(
                    "PostgreSQL server binaries (initdb, pg_ctl) were not found: install postgresql-15, set SLOTFLOW_TEST_PG_BIN, " +
                    $"or point {ConnectionVariable} at a server.");
        }

        private static int FreeLoopbackPort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        private void Run(string tool, params string[] arguments)
        {
            var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            if (_runAs is null)
            {
                start.FileName = Path.Combine(_bin, tool);
            }
            else
            {
                start.FileName = "runuser";
                foreach (var argument in new[] { "-u", _runAs, "--", Path.Combine(_bin, tool) })
                {
                    start.ArgumentList.Add(argument);
                }
            }

            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            // Read while it runs; a server that kept the pipes open must not stall us, so the reads are awaited with a limit.
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(120_000))
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException($"{tool} did not finish within 2 minutes.");
            }

            if (process.ExitCode != 0)
            {
                Task.WaitAll([output, error], TimeSpan.FromSeconds(5));
                var log = Path.Combine(_directory, "server.log");
                throw new InvalidOperationException(
                    $"{tool} failed ({process.ExitCode}): {(error.IsCompleted ? error.Result : "")}{(File.Exists(log) ? File.ReadAllText(log) : "")}");
            }
        }
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Slotflow.LoadTest;

/// <summary>
/// The built Slotflow.Api on a free loopback port, as a separate process, over a throwaway SQLite file or over the
/// PostgreSQL database it is given.
/// </summary>
internal sealed partial class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string? _databasePath;
    private readonly Dictionary<string, string> _database;
    private bool _disposed;

    private ServiceProcess(Process process, string? databasePath, Dictionary<string, string> database, Uri baseAddress, string apiKey)
    {
        _process = process;
        _databasePath = databasePath;
        _database = database;
        BaseAddress = baseAddress;
        ApiKey = apiKey;
    }

    public Uri BaseAddress { get; }

    public string ApiKey { get; }

    /// <summary>CPU time the service has used so far, to report CPU per request beside the throughput.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <param name="postgresConnectionString">Null for a throwaway SQLite file.</param>
    public static async Task<ServiceProcess> StartAsync(string? postgresConnectionString = null)
    {
        var databasePath = postgresConnectionString is null ? Path.Combine(Path.GetTempPath(), $"slotflow-load-{Guid.NewGuid():N}.db") : null;
        var database = postgresConnectionString is null
            ? new Dictionary<string, string> { ["ConnectionStrings__Slotflow"] = $"Data Source={databasePath}" }
            : new Dictionary<string, string> { ["Database__Provider"] = "Postgres", ["ConnectionStrings__Slotflow"] = postgresConnectionString };
        var port = FreePort();

        var key = await CreateOrganizationAsync(database, "Load test");

        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var server = Start(database, "--urls", baseAddress.ToString());
        using var probe = new HttpClient { BaseAddress = baseAddress };
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await probe.GetAsync("/v1/humans");
                break;
            }
            catch (HttpRequestException) when (attempt < 200)
            {
                await Task.Delay(100);
            }
        }

        return new ServiceProcess(server, databasePath, database, baseAddress, key);
    }

    /// <summary>Another organization on the service's database (growth, auto-purchase), for a workload of humans of its own; its key.</summary>
    public Task<string> CreateOrganizationAsync(string name) => CreateOrganizationAsync(_database, name);

    // The production way in: the same dll creates the organization and prints its key.
    private static async Task<string> CreateOrganizationAsync(Dictionary<string, string> database, string name)
    {
        var create = Start(database, "create-organization", "--name", name, "--plan", "growth", "--auto-purchase");
        var output = await create.StandardOutput.ReadToEndAsync();
        await create.WaitForExitAsync();
        var key = ApiKeyPattern().Match(output);
        if (create.ExitCode != 0 || !key.Success)
        {
            throw new InvalidOperationException($"create-organization failed: {output}{await create.StandardError.ReadToEndAsync()}");
        }

        return key.Value;
    }

    /// <summary>Stops the service (again, harmlessly: a run may stop it before its scope ends).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        foreach (var suffix in _databasePath is null ? [] : new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(_databasePath + suffix);
        }
    }

    private static Process Start(IReadOnlyDictionary<string, string> database, params string[] arguments)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Slotflow.Api.dll");
        // Run where the service's appsettings.json was copied, as a deployment would.
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in database)
        {
            start.Environment[name] = value;
        }

        // One key drives every client here: the per-key rate limit would measure itself, not the service.
        start.Environment["RateLimits__PermitsPerSecond"] = "1000000";
        start.Environment["RateLimits__Burst"] = "1000000";
        var process = Process.Start(start)!;
        if (arguments[0] != "create-organization")
        {
            // Keep the pipes drained so the service never blocks on its own logging.
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine(e.Data); } };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        return process;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("sk_live_[a-z0-9]{32}")]
    private static partial Regex ApiKeyPattern();
}

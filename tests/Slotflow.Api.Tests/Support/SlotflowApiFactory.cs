using System.Net;
using System.Net.Http.Headers;
using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Slotflow.Application.Organizations.CreateOrganization;
using Slotflow.Infrastructure.Persistence;

namespace Slotflow.Api.Tests.Support;

/// <summary>The real service on Kestrel, bound to a free loopback port, over its own throwaway SQLite file.</summary>
public sealed class SlotflowApiFactory : WebApplicationFactory<Program>
{
    private readonly string _databasePath;
    private readonly string _environment;
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _configureServices;

    public SlotflowApiFactory(
        string environment = "Testing",
        Dictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null,
        string? databasePath = null)
    {
        _databasePath = databasePath ?? NewDatabasePath();
        _environment = environment;
        _settings = settings ?? [];
        _configureServices = configureServices;
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    public string ConnectionString => $"Data Source={_databasePath}";

    /// <summary>Leave the database file behind on dispose, for a later factory on the same path (a restart).</summary>
    public bool KeepDatabase { get; init; }

    public static string NewDatabasePath() => Path.Combine(Path.GetTempPath(), $"slotflow-test-{Guid.NewGuid():N}.db");

    public async Task<TestOrganization> CreateOrganizationAsync(string plan = "growth", bool autoPurchase = false)
    {
        await using var scope = Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<IMediator>()
            .Send(new CreateOrganizationCommand($"Org {Guid.NewGuid():N}", plan, autoPurchase));
        return new TestOrganization(created.Id, created.ApiKey, ClientWith(created.ApiKey));
    }

    /// <summary>A real HTTP client for the server; with a key, it authenticates as that key's organization.</summary>
    public HttpClient ClientWith(string? apiKey)
    {
        var client = CreateClient();
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        return client;
    }

    /// <summary>Reads the database directly, to check what a request did or did not change.</summary>
    public async Task<T> QueryAsync<T>(Func<SlotflowDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<SlotflowDbContext>());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        builder.UseSetting("ConnectionStrings:Slotflow", ConnectionString);
        builder.UseSetting("Webhooks:AllowPrivateTargets", "true"); // receivers in tests listen on 127.0.0.1
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_configureServices is not null)
        {
            builder.ConfigureTestServices(_configureServices);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        if (KeepDatabase)
        {
            return;
        }

        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(_databasePath + suffix);
        }
    }
}

public sealed record TestOrganization(Guid Id, string ApiKey, HttpClient Client);

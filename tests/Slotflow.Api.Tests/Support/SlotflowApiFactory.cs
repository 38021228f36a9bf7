using System.Net;
using System.Net.Http.Headers;
using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Slotflow.Api.Contracts;
using Slotflow.Infrastructure.Persistence;

namespace Slotflow.Api.Tests.Support;

/// <summary>
/// The real service on Kestrel, bound to a free loopback port, over its own throwaway database (SQLite, or PostgreSQL
/// in the PostgreSQL build of the suite) — or over a database the test owns and shares between services.
/// </summary>
public sealed class SlotflowApiFactory : WebApplicationFactory<Program>
{
    private readonly TestDatabase _database;
    private readonly bool _ownsDatabase;
    private readonly string _environment;
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _configureServices;

    public SlotflowApiFactory(
        string environment = "Testing",
        Dictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null,
        TestDatabase? database = null)
    {
        _ownsDatabase = database is null;
        _database = database ?? TestDatabase.Create();
        _environment = environment;
        _settings = settings ?? [];
        _configureServices = configureServices;
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    public TestDatabase Database => _database;

    public async Task<TestOrganization> CreateOrganizationAsync(string plan = "growth", bool autoPurchase = false)
    {
        await using var scope = Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<IMediator>()
            .Send(new AdminCreateOrganizationRequest($"Org {Guid.NewGuid():N}", plan, autoPurchase).ToCommand());
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
        foreach (var (key, value) in _database.Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("Webhooks:AllowPrivateTargets", "true"); // receivers in tests listen on 127.0.0.1
        builder.UseSetting("RateLimits:PermitsPerSecond", "100000"); // races fire hundreds of requests with one key;
        builder.UseSetting("RateLimits:Burst", "100000");            // the limits have their own tests
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
        if (_ownsDatabase)
        {
            _database.Dispose();
        }
    }
}

public sealed record TestOrganization(Guid Id, string ApiKey, HttpClient Client);

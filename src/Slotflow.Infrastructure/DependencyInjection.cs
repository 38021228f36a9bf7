using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Polly;
using Slotflow.Application.Organizations;
using Slotflow.Application.Webhooks;
using Slotflow.Domain.Bookings;
using Slotflow.Domain.Common;
using Slotflow.Domain.Holds;
using Slotflow.Domain.Humans;
using Slotflow.Domain.Organizations;
using Slotflow.Domain.Webhooks;
using Slotflow.Infrastructure.Authentication;
using Slotflow.Infrastructure.Idempotency;
using Slotflow.Infrastructure.Persistence;
using Slotflow.Infrastructure.Persistence.Repositories;
using Slotflow.Infrastructure.Persistence.Sqlite;
using Slotflow.Infrastructure.Webhooks;

namespace Slotflow.Infrastructure;

public static class DependencyInjection
{
    public const string ConnectionStringName = "Slotflow";

    /// <summary>Health checks that /health/ready runs (and /health/live does not).</summary>
    public const string ReadyTag = "ready";

    public static IServiceCollection AddInfrastructure(this IServiceCollection services)
    {
        // Pooled: a request leases a context instead of building one (EF Core's per-context set-up is a noticeable part
        // of a short request). Options are read when first needed, so configuration added by hosts and tests after
        // registration still counts. Interceptors registered in DI (diagnostics, tests counting round trips) are
        // attached to every context.
        services.AddPooledDbContextFactory<SqliteSlotflowDbContext>((sp, options) => Configure(sp, options, DatabaseProvider.Sqlite));
        services.AddPooledDbContextFactory<PostgresSlotflowDbContext>((sp, options) => Configure(sp, options, DatabaseProvider.Postgres));
        services.AddPooledDbContextFactory<SqlServerSlotflowDbContext>((sp, options) => Configure(sp, options, DatabaseProvider.SqlServer));
        services.AddScoped<SlotflowDbContext>(sp => Lease(sp, Provider(sp.GetRequiredService<IConfiguration>()) switch
        {
            DatabaseProvider.Postgres => sp.GetRequiredService<IDbContextFactory<PostgresSlotflowDbContext>>().CreateDbContext(),
            DatabaseProvider.SqlServer => sp.GetRequiredService<IDbContextFactory<SqlServerSlotflowDbContext>>().CreateDbContext(),
            _ => sp.GetRequiredService<IDbContextFactory<SqliteSlotflowDbContext>>().CreateDbContext(),
        }));
        services.AddSqliteWriteEngine();
        services.AddScoped<IUnitOfWork, RequestUnitOfWork>();
        services.AddScoped<IHumanRepository, HumanRepository>();
        services.AddSingleton<ScheduleOverrideCache>();
        services.AddSingleton<HumanCalendarCache>();
        services.AddSingleton<WebhookListCache>();
        services.AddScoped<OrganizationVersions>();
        services.AddSingleton<ApiKeyCache>();
        services.AddSingleton<IApiKeyCache>(provider => provider.GetRequiredService<ApiKeyCache>());
        services.AddScoped<IOrganizationRepository, OrganizationRepository>();
        services.AddScoped<IBookingRepository, BookingRepository>();
        services.AddScoped<IHoldRepository, HoldRepository>();
        services.AddScoped<IBookingQuota, BookingQuota>();
        services.AddScoped<IWebhookRepository, WebhookRepository>();
        services.AddScoped<IWebhookDeliveryRepository, WebhookDeliveryRepository>();
        services.AddScoped<IdempotencyStore>();
        services.AddScoped<PendingIdempotentAnswer>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddWebhookDelivery();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag]);

        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.SectionName)
            .Validate(o => o.IsValid(), $"Admin:ApiKeys: each admin key must be at least {AdminOptions.MinKeyLength} characters, without whitespace.")
            .ValidateOnStart();
        // By path: /admin/… authenticates admin keys only, everything else customer keys only. An unknown route or a
        // wrong method under /admin is thus a 404/405 to an admin key and a 401 to a customer key, as under /v1.
        services.AddAuthentication(AdminKeyAuthenticationHandler.SelectorSchemeName)
            .AddPolicyScheme(AdminKeyAuthenticationHandler.SelectorSchemeName, null, selector => selector.ForwardDefaultSelector = context =>
                AdminKeyAuthenticationHandler.IsAdminRequest(context.Request) ? AdminKeyAuthenticationHandler.SchemeName : ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, AdminKeyAuthenticationHandler>(AdminKeyAuthenticationHandler.SchemeName, null);
        return services;
    }

    private static void AddWebhookDelivery(this IServiceCollection services)
    {
        services.AddOptions<WebhookDeliveryOptions>().BindConfiguration(WebhookDeliveryOptions.SectionName)
            .Validate(o => o.IsValid(), "Webhooks: delays, timeout and poll interval must be positive, the claim lease at least twice the attempt timeout.")
            .ValidateOnStart();
        services.AddSingleton<WebhookTargets>();
        services.AddSingleton<IWebhookTargetPolicy>(sp => sp.GetRequiredService<WebhookTargets>());
        services.AddScoped<WebhookOutbox>();
        services.AddSingleton<WebhookSender>();
        services.AddHostedService<WebhookDeliveryWorker>();

        // One attempt per send: the pipeline only bounds its time; retries come from the delivery's row, not from here.
        services.AddHttpClient(WebhookSender.ClientName, client =>
            {
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.DefaultRequestHeaders.UserAgent.ParseAdd("Slotflow-Webhooks/1.0");
            })
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                UseProxy = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                ConnectCallback = sp.GetRequiredService<WebhookTargets>().ConnectAsync,
            })
            .AddResilienceHandler("webhook-attempt", (pipeline, context) =>
                pipeline.AddTimeout(context.ServiceProvider.GetRequiredService<IOptions<WebhookDeliveryOptions>>().Value.AttemptTimeout));
    }

    /// <summary>The scope disposes the context, which returns it to the pool.</summary>
    private static SlotflowDbContext Lease(IServiceProvider services, SlotflowDbContext context)
    {
        try
        {
            context.Leased(services);
        }
        catch
        {
            context.Dispose(); // the scope never sees it, so it goes back to the pool here
            throw;
        }

        return context;
    }

    /// <summary>Database:Provider: Sqlite (the default), SqlServer or Postgres.</summary>
    public static DatabaseProvider Provider(IConfiguration configuration)
    {
        var name = configuration["Database:Provider"];
        return string.IsNullOrWhiteSpace(name) ? DatabaseProvider.Sqlite
            : Enum.TryParse<DatabaseProvider>(name, ignoreCase: true, out var provider) && Enum.IsDefined(provider) ? provider
            : throw new InvalidOperationException($"Database:Provider must be Sqlite, SqlServer or Postgres, not \"{name}\".");
    }

    private static void Configure(IServiceProvider services, DbContextOptionsBuilder options, DatabaseProvider provider) =>
        DatabaseOptions.Configure(options, provider, ConnectionString(services.GetRequiredService<IConfiguration>()))
            .AddInterceptors(services.GetServices<IInterceptor>());

    internal static string ConnectionString(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        return string.IsNullOrWhiteSpace(connectionString)
            ? throw new InvalidOperationException($"Set the connection string ConnectionStrings:{ConnectionStringName}.")
            : connectionString;
    }
}

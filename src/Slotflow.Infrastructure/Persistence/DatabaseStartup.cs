using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Slotflow.Domain.Organizations;

namespace Slotflow.Infrastructure.Persistence;

/// <summary>What runs before the first request: schema migrations, settings a provider keeps in the database, the development organization.</summary>
public static class DatabaseStartup
{
    public const string DevelopmentApiKeySetting = "Development:ApiKey";

    /// <param name="seedDevelopmentOrganization">False for command-line tools: they may point at a real database even when run in Development.</param>
    /// <param name="migrate">True to migrate whatever Database:MigrateOnStartup says (the migrate command).</param>
    public static async Task PrepareDatabaseAsync(
        this IServiceProvider services, bool seedDevelopmentOrganization = true, bool migrate = false, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SlotflowDbContext>();
        var configuration = scope.ServiceProvider.GetRequiredService<IConfiguration>();

        if (migrate || configuration.GetValue("Database:MigrateOnStartup", defaultValue: true))
        {
            await db.BeforeMigrateAsync(cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
        }

        await db.ApplyDatabaseSettingsAsync(cancellationToken);

        var environment = scope.ServiceProvider.GetRequiredService<IHostEnvironment>();
        if (seedDevelopmentOrganization && environment.IsDevelopment())
        {
            await SeedDevelopmentOrganizationAsync(db, configuration, scope.ServiceProvider, cancellationToken);
        }
    }

    private static async Task SeedDevelopmentOrganizationAsync(
        SlotflowDbContext db, IConfiguration configuration, IServiceProvider services, CancellationToken cancellationToken)
    {
        var key = configuration[DevelopmentApiKeySetting];
        if (string.IsNullOrEmpty(key) || await db.Organizations.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var organization = Organization.Create("Development", Plan.Growth, autoPurchase: true, now);
        organization.AddApiKey("development", key, now);
        db.Organizations.Add(organization);
        await db.SaveChangesAsync(cancellationToken);
        services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseStartup))
            .LogInformation("Created the development organization {OrganizationId} with the key from {Setting}", organization.Id, DevelopmentApiKeySetting);
    }
}

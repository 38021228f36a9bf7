using Microsoft.EntityFrameworkCore;
using Slotflow.Infrastructure.Persistence;

namespace Slotflow.Api.Cli;

/// <summary>
/// <c>migrate</c>: applies the configured provider's pending migrations and exits, for deployments that run several
/// instances with Database:MigrateOnStartup off and migrate once, before rolling them out.
/// </summary>
public static class MigrateCli
{
    public const string CommandName = "migrate";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length > 0)
        {
            await error.WriteLineAsync($"Unexpected argument '{args[0]}'.");
            await error.WriteLineAsync("usage: migrate");
            return 2;
        }

        var builder = WebApplication.CreateBuilder();
        builder.AddSlotflowApi();
        await using var app = builder.Build();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SlotflowDbContext>();

        await app.Services.PrepareDatabaseAsync(seedDevelopmentOrganization: false, migrate: true);
        var applied = (await db.Database.GetAppliedMigrationsAsync()).ToList();
        await output.WriteLineAsync($"The {db.Database.ProviderName} database is at {applied[^1]} ({applied.Count} migrations applied).");
        return 0;
    }
}

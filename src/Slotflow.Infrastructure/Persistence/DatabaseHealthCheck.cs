using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Slotflow.Infrastructure.Persistence;

/// <summary>
/// /health/ready: the configured database accepts a connection within five seconds. It opens the connection itself,
/// outside the retrying execution strategy, so that a probe answers promptly rather than after the retries.
/// </summary>
internal sealed class DatabaseHealthCheck(SlotflowDbContext db) : IHealthCheck
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Limit);
        var connection = db.Database.GetDbConnection();
        // On SQLite the leased connection is already open (and stays so for the next request): only close what opened here.
        var alreadyOpen = connection.State == ConnectionState.Open;
        try
        {
            await connection.OpenAsync(timeout.Token);
            return HealthCheckResult.Healthy();
        }
#pragma warning disable CA1031 // Any failure to connect is the answer "not ready", not an error of the probe.
        catch (Exception unreachable)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", unreachable);
        }
        finally
        {
            if (!alreadyOpen)
            {
                await connection.CloseAsync();
            }
        }
    }
}

using Slotflow.Api.Tests.Support;

/// <summary>Once per test assembly: stops the PostgreSQL cluster the run may have started.</summary>
[SetUpFixture]
#pragma warning disable CA1050 // NUnit applies a set-up fixture to its namespace; outside any, to the whole assembly.
public sealed class TestRun
#pragma warning restore CA1050
{
    [OneTimeTearDown]
    public void StopPostgres() => PostgresServer.Stop();
}

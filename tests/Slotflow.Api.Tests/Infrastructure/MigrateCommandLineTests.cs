using System.Net;
using Slotflow.Api.Tests.Support;

namespace Slotflow.Api.Tests;

/// <summary><c>migrate</c> on the built Slotflow.Api.dll: the way to migrate once when instances start with migrations off.</summary>
public sealed class MigrateCommandLineTests
{
    private TestDatabase _database = null!;

    [SetUp]
    public void NewDatabase() => _database = TestDatabase.Create();

    [TearDown]
    public void DeleteDatabase() => _database.Dispose();

    [Test]
    public async Task Migrate_PreparesAnEmptyDatabase_ForAServiceThatDoesNotMigrate_AndIsRepeatable()
    {
        var first = await ApiProcess.RunAsync(["migrate"], _database.Settings);
        var again = await ApiProcess.RunAsync(["migrate"], _database.Settings);

        Assert.Multiple(() =>
        {
            Assert.That(first.ExitCode, Is.Zero, first.Error);
            Assert.That(first.Output, Does.Contain("migrations applied").And.Not.Contain("fail:"));
            Assert.That(again.ExitCode, Is.Zero, again.Error);
            Assert.That(again.Output, Is.EqualTo(first.Output), "nothing left to apply");
        });

        using var service = new SlotflowApiFactory(
            "Production", new Dictionary<string, string?> { ["Database:MigrateOnStartup"] = "false" }, database: _database);
        var organization = await service.CreateOrganizationAsync();
        var created = await organization.Client.PostAsync("/v1/humans", WireJson.Body("""{"name":"Ada","timezone":"UTC"}"""));
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [Test]
    public async Task Migrate_WithAnArgument_FailsWithUsage()
    {
        var (exitCode, _, error) = await ApiProcess.RunAsync(["migrate", "--now"], _database.Settings);

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(2));
            Assert.That(error, Does.Contain("usage: migrate"));
        });
    }
}

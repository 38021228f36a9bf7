using System.Net;
using System.Text.RegularExpressions;
using Slotflow.Api.Tests.Support;

namespace Slotflow.Api.Tests;

/// <summary>The production way in: the built Slotflow.Api.dll creates an organization and prints its key once.</summary>
public sealed partial class CreateOrganizationCommandLineTests
{
    private TestDatabase _database = null!;

    [SetUp]
    public void NewDatabase() => _database = TestDatabase.Create();

    [Test]
    public async Task CreateOrganization_PrintsAKeyThatAuthenticates()
    {
        var (exitCode, output, error) = await RunAsync("create-organization", "--name", "Acme", "--plan", "starter", "--auto-purchase");

        Assert.That(exitCode, Is.Zero, error);
        var key = ApiKeyPattern().Match(output);
        Assert.That(key.Success, Is.True, output);
        Assert.That(output, Does.Contain("starter").And.Contain("auto-purchase on"));

        using var factory = new SlotflowApiFactory("Production", database: _database);
        var response = await factory.ClientWith(key.Value).GetAsync("/v1/humans");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var organization = await factory.QueryAsync(db => Task.FromResult(db.Organizations.Single()));
        Assert.Multiple(() =>
        {
            Assert.That(organization.Name, Is.EqualTo("Acme"));
            Assert.That(organization.AutoPurchase, Is.True);
        });
    }

    [Test]
    public async Task CreateOrganization_InDevelopment_DoesNotAddTheDevelopmentOrganization()
    {
        var (exitCode, _, error) = await RunAsync(["create-organization", "--name", "Acme", "--plan", "free"], environment: "Development");

        Assert.That(exitCode, Is.Zero, error);
        using var factory = new SlotflowApiFactory("Production", database: _database);
        var names = await factory.QueryAsync(db => Task.FromResult(db.Organizations.Select(o => o.Name).ToList()));
        Assert.That(names, Is.EqualTo(new[] { "Acme" }));
    }

    [TestCase("--name", "Acme", "--plan", "enterprise", TestName = "CreateOrganization_WithUnknownPlan_FailsAndCreatesNothing")]
    [TestCase("--name", "Acme", "--plan", "free", "--auto-purchase", TestName = "CreateOrganization_WithAutoPurchaseOnFree_FailsAndCreatesNothing")]
    [TestCase("--plan", "starter", TestName = "CreateOrganization_WithoutName_FailsAndCreatesNothing")]
    [TestCase("--plan", "starter", "--name", TestName = "CreateOrganization_WithNameWithoutValue_FailsAndCreatesNothing")]
    [TestCase("--name", "Acme", "--plan", "starter", "--bogus", TestName = "CreateOrganization_WithUnknownArgument_FailsAndCreatesNothing")]
    public async Task CreateOrganization_WithBadArguments_FailsAndCreatesNothing(params string[] arguments)
    {
        var (exitCode, output, error) = await RunAsync(["create-organization", .. arguments]);

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(2));
            Assert.That(error, Is.Not.Empty);
            Assert.That(ApiKeyPattern().IsMatch(output), Is.False);
        });
        using var factory = new SlotflowApiFactory("Production", database: _database);
        Assert.That(await factory.QueryAsync(db => Task.FromResult(db.Organizations.Count())), Is.Zero);
    }

    [TearDown]
    public void DeleteDatabase() => _database.Dispose();

    private Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments) => RunAsync(arguments, "Production");

    private Task<(int ExitCode, string Output, string Error)> RunAsync(string[] arguments, string environment) =>
        ApiProcess.RunAsync(arguments, _database.Settings, environment);

    [GeneratedRegex("sk_live_[a-z0-9]{32}")]
    private static partial Regex ApiKeyPattern();
}

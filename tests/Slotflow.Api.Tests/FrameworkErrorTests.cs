using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Slotflow.Api.Tests.Support;
using Slotflow.Domain.Humans;

namespace Slotflow.Api.Tests;

/// <summary>What the framework answers by itself (no route, wrong method, a crash) is in the envelope too.</summary>
public sealed class FrameworkErrorTests
{
    [Test]
    public async Task UnknownRoute_Returns404Envelope()
    {
        using var factory = new SlotflowApiFactory();
        var organization = await factory.CreateOrganizationAsync();

        await WireJson.AssertErrorAsync(await organization.Client.GetAsync("/v1/nothing-here"), HttpStatusCode.NotFound, "NOT_FOUND");
        await WireJson.AssertErrorAsync(await organization.Client.GetAsync("/"), HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Test]
    public async Task WrongMethod_Returns405Envelope()
    {
        using var factory = new SlotflowApiFactory();
        var organization = await factory.CreateOrganizationAsync();

        var response = await organization.Client.PatchAsync("/v1/humans", WireJson.Body("{}"));

        await WireJson.AssertErrorAsync(response, HttpStatusCode.MethodNotAllowed, "METHOD_NOT_ALLOWED");
    }

    [Test]
    public async Task UnexpectedException_Returns500WithRequestId_AndNoInternals()
    {
        var failing = new Mock<IHumanRepository>();
        failing.Setup(r => r.ListActiveAsync(It.IsAny<Guid>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("secret connection detail"));
        using var factory = new SlotflowApiFactory(configureServices: services => services.AddScoped(_ => failing.Object));
        var organization = await factory.CreateOrganizationAsync();

        var response = await organization.Client.GetAsync("/v1/humans");

        var error = await WireJson.AssertErrorAsync(response, HttpStatusCode.InternalServerError, "INTERNAL_ERROR");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(body, Does.Not.Contain("secret").And.Not.Contain("InvalidOperationException"));
            Assert.That(error.GetProperty("message").GetString(), Does.Match("Request id: .+"));
        });
    }
}

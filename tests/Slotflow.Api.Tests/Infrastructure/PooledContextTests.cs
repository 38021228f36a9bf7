using Microsoft.Extensions.DependencyInjection;
using Slotflow.Api.Tests.Support;
using Slotflow.Infrastructure.Persistence;

namespace Slotflow.Api.Tests;

/// <summary>
/// A request's pooled context is disposed once by its scope. A scope disposes what each registration returns, so a
/// second registration that returned the context itself (as IUnitOfWork once did) disposed it twice: the second time
/// could come after another request had leased it, taking that request's connection and handing the context to a
/// third (CI saw an ObjectDisposedException and a 500 in a race of concurrent creates).
/// </summary>
public sealed class PooledContextTests
{
    [Test]
    public void OnlyTheContextsOwnRegistration_ResolvesToTheRequestsContext()
    {
        IServiceCollection? registrations = null;
        using var factory = new SlotflowApiFactory(configureServices: services => registrations = services);
        using var scope = factory.Services.CreateScope();
        var context = scope.ServiceProvider.GetRequiredService<SlotflowDbContext>();

        var resolvingToIt = registrations!
            .Select(d => d.ServiceType)
            .Where(type => type.IsAssignableFrom(context.GetType())) // only these can resolve to it
            .Distinct()
            .Where(type => scope.ServiceProvider.GetServices(type).Any(instance => ReferenceEquals(instance, context)))
            .Select(type => type.Name);

        Assert.That(resolvingToIt, Is.EquivalentTo(new[] { nameof(SlotflowDbContext) }));
    }
}

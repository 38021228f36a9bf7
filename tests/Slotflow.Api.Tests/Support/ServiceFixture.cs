using Microsoft.Extensions.DependencyInjection;

namespace Slotflow.Api.Tests.Support;

/// <summary>
/// A test fixture with one real service, started before its first test over its own throwaway database and stopped
/// after its last. A fixture says only what differs: its <see cref="Clock"/>, <see cref="Settings"/>, extra services.
/// </summary>
public abstract class ServiceFixture
{
    protected SlotflowApiFactory Factory { get; private set; } = null!;

    /// <summary>The clock the service reads; null for the system clock.</summary>
    protected virtual TimeProvider? Clock => null;

    protected virtual string Environment => "Testing";

    protected virtual Dictionary<string, string?> Settings() => [];

    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    [OneTimeSetUp]
    public void StartService() =>
        Factory = new SlotflowApiFactory(Environment, Settings(), services =>
        {
            if (Clock is { } clock)
            {
                services.AddSingleton(clock);
            }

            ConfigureServices(services);
        });

    [OneTimeTearDown]
    public void StopService() => Factory.Dispose();
}

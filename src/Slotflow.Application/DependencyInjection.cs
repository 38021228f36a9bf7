using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Slotflow.Application.Common;

namespace Slotflow.Application;

public static class DependencyInjection
{
    /// <summary>Validators and validation naming; the mediator itself is generated in the host project.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        SnakeCaseNames.UseForValidation();
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Singleton);
        return services;
    }
}

using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Slotflow.Domain.Bookings;
using Slotflow.Domain.Common;
using Slotflow.Domain.Humans;
using Slotflow.Domain.Organizations;
using Slotflow.Domain.Webhooks;
using Slotflow.Infrastructure.Authentication;
using Slotflow.Infrastructure.Idempotency;
using Slotflow.Infrastructure.Persistence;
using Slotflow.Infrastructure.Persistence.Repositories;

namespace Slotflow.Infrastructure;

public static class DependencyInjection
{
    public const string ConnectionStringName = "Slotflow";

    public static IServiceCollection AddInfrastructure(this IServiceCollection services)
    {
        // Read when first needed, so configuration added by hosts and tests after registration still counts.
        // Interceptors registered in DI (diagnostics, tests counting round trips) are attached to every context.
        services.AddDbContext<SlotflowDbContext>((provider, options) => options
            .UseSqlite(ConnectionString(provider.GetRequiredService<IConfiguration>()))
            .AddInterceptors(provider.GetServices<IInterceptor>()));
        services.AddScoped<IUnitOfWork>(sp => sp.GetRequiredService<SlotflowDbContext>());
        services.AddScoped<IHumanRepository, HumanRepository>();
        services.AddScoped<IOrganizationRepository, OrganizationRepository>();
        services.AddScoped<IBookingRepository, BookingRepository>();
        services.AddScoped<IBookingQuota, BookingQuota>();
        services.AddScoped<IWebhookRepository, WebhookRepository>();
        services.AddScoped<IdempotencyStore>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        return services;
    }

    internal static string ConnectionString(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        return string.IsNullOrWhiteSpace(connectionString)
            ? throw new InvalidOperationException($"Set the connection string ConnectionStrings:{ConnectionStringName}.")
            : connectionString;
    }
}

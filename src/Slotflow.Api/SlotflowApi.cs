using Mediator;
using Scalar.AspNetCore;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Slotflow.Api.Errors;
using Slotflow.Api.Idempotency;
using Slotflow.Api.Mcp;
using Slotflow.Api.Operations;
using Slotflow.Api.Validation;
using Slotflow.Api.Wire;
using Slotflow.Application.Webhooks.EnqueueDeliveries;
using Slotflow.Domain.Bookings;
using Slotflow.Application.Common;
using Slotflow.Application.Humans.CreateHuman;
using Slotflow.Infrastructure;
using Slotflow.Infrastructure.Authentication;

namespace Slotflow.Api;

/// <summary>The service's composition: shared by the web server and the command-line entry points.</summary>
public static class SlotflowApi
{
    /// <summary>The largest request body accepted; metadata is capped far lower (16 KiB), so this only stops abuse.</summary>
    public const long MaxRequestBodyBytes = 1024 * 1024;

    public static WebApplicationBuilder AddSlotflowApi(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
            RequestHeadLimitsMiddleware.RaiseKestrelLimits(kestrel.Limits);
        });

        var services = builder.Services;
        services.Replace(ServiceDescriptor.Singleton<IHttpContextFactory, RequestIdHttpContextFactory>());
        services.AddRequestValidation();
        services.AddSingleton<IWebhookPayloadWriter, WireJsonWebhookPayloads>();
        services.AddInfrastructure();
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Assemblies = [typeof(CreateHumanCommand), typeof(Booking)];
            options.PipelineBehaviors = [typeof(ConflictRetryBehavior<,>)];
        });

        // /v1 has no [Authorize]: the fallback authenticates by path, i.e. customer keys only there (an admin key is a
        // 401), and admin keys only under /admin. The Admin API's controllers also name the admin policy, whose one
        // scheme is the admin scheme, so a customer key is a 401 there whatever the path selection does.
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(AdminKeyAuthenticationHandler.SelectorSchemeName).RequireAuthenticatedUser().Build())
            .AddPolicy(AdminKeyAuthenticationHandler.PolicyName, policy => policy
                .AddAuthenticationSchemes(AdminKeyAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser().RequireClaim(AdminKeyAuthenticationHandler.AdminClaim));

        // Without this filter an unsupported Content-Type reaches InvalidRequestResponse (422) instead of answering 415.
        services.AddControllers(options =>
            {
                RemoveFilter<UnsupportedContentTypeFilter>(options.Filters);
                options.Filters.AddService<RequestValidationFilter>();
                options.Filters.Add<RefusalFilter>();
                options.Conventions.Add(new ApiResponsesConvention());
            })
            .AddJsonOptions(options => SlotflowJson.ApplyForResponses(options.JsonSerializerOptions))
            .ConfigureApiBehaviorOptions(options =>
            {
                options.InvalidModelStateResponseFactory = InvalidRequestResponse.Create;
                options.SuppressMapClientErrors = true;
            });
        services.ConfigureHttpJsonOptions(options => SlotflowJson.Apply(options.SerializerOptions));
        services.AddSlotflowRateLimits();
        services.AddSlotflowMcp();
        services.AddOpenApi("v1", options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Slotflow";
            document.Info.Description = "Scheduling API for AI agents. Authenticate with Authorization: Bearer sk_live_…; errors come in one envelope.";
            return Task.CompletedTask;
        }));
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddProblemDetails();
        return builder;
    }

    private static void RemoveFilter<T>(FilterCollection filters)
    {
        foreach (var filter in filters.Where(f => f is T).ToList())
        {
            filters.Remove(filter);
        }
    }

    public static WebApplication UseSlotflowApi(this WebApplication app)
    {
        app.UseMiddleware<RequestIdMiddleware>();
        app.UseMiddleware<RequestHeadLimitsMiddleware>();
        app.UseExceptionHandler();
        // Framework answers without a body (no route, wrong method, no key) get the envelope too.
        app.UseStatusCodePages(context => ApiErrors.WriteAsync(context.HttpContext, ApiErrors.ForStatus(context.HttpContext, context.HttpContext.Response.StatusCode)));
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseMiddleware<RequestTextGuardMiddleware>();
        app.UseMiddleware<IdempotencyMiddleware>();
        app.MapControllers();
        app.MapSlotflowMcp();
        app.MapSlotflowHealth();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference("/docs", options => options.WithOpenApiRoutePattern("/openapi/{documentName}.json")).AllowAnonymous();
        return app;
    }
}

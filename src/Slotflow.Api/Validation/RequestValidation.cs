using System.Collections.Concurrent;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.Filters;
using Slotflow.Api.Wire;

namespace Slotflow.Api.Validation;

/// <summary>
/// Checks every request contract that has a validator before its action runs: a refusal is a
/// <see cref="ValidationException"/>, answered 422 by the exception handler, and nothing is sent to the mediator.
/// </summary>
public sealed class RequestValidationFilter(IServiceProvider services) : IAsyncActionFilter
{
    private static readonly ConcurrentDictionary<Type, Type> ValidatorTypes = new();

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        foreach (var argument in context.ActionArguments.Values)
        {
            if (argument is null)
            {
                continue;
            }

            var validatorType = ValidatorTypes.GetOrAdd(argument.GetType(), type => typeof(IValidator<>).MakeGenericType(type));
            if (services.GetService(validatorType) is IValidator validator)
            {
                var result = await validator.ValidateAsync(new ValidationContext<object>(argument), context.HttpContext.RequestAborted);
                if (!result.IsValid)
                {
                    throw new ValidationException(result.Errors);
                }
            }
        }

        await next();
    }
}

public static class RequestValidation
{
    /// <summary>The request validators, naming fields as they are on the wire (snake_case).</summary>
    public static IServiceCollection AddRequestValidation(this IServiceCollection services)
    {
        SnakeCaseNames.UseForValidation();
        services.AddValidatorsFromAssemblyContaining<RequestValidationFilter>(ServiceLifetime.Singleton);
        services.AddSingleton<RequestValidationFilter>();
        return services;
    }
}

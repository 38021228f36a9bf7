using FluentValidation;
using Mediator;
using Slotflow.Api.Contracts;
using Slotflow.Infrastructure.Persistence;

namespace Slotflow.Api.Cli;

/// <summary>
/// <c>create-organization --name NAME --plan free|starter|growth [--auto-purchase]</c>: creates an organization with the
/// server's own configuration and prints its first API key, once.
/// </summary>
public static class CreateOrganizationCli
{
    public const string CommandName = "create-organization";
    private const string Usage = "usage: create-organization --name NAME --plan free|starter|growth [--auto-purchase]";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (!TryParse(args, out var request, out var problem))
        {
            await error.WriteLineAsync(problem);
            await error.WriteLineAsync(Usage);
            return 2;
        }

        var builder = WebApplication.CreateBuilder();
        builder.AddSlotflowApi();
        await using var app = builder.Build();
        await app.Services.PrepareDatabaseAsync(seedDevelopmentOrganization: false);

        await using var scope = app.Services.CreateAsyncScope();
        try
        {
            await scope.ServiceProvider.GetRequiredService<IValidator<AdminCreateOrganizationRequest>>().ValidateAndThrowAsync(request);
            var created = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request.ToCommand());
            await output.WriteLineAsync($"Organization {created.Id} \"{created.Name}\" on the {created.Plan} plan (auto-purchase {(created.AutoPurchase ? "on" : "off")}).");
            await output.WriteLineAsync("API key (shown once; store it now):");
            await output.WriteLineAsync(created.ApiKey);
            return 0;
        }
        catch (ValidationException invalid)
        {
            foreach (var failure in invalid.Errors)
            {
                await error.WriteLineAsync(failure.ErrorMessage);
            }

            return 2;
        }
    }

    private static bool TryParse(string[] args, out AdminCreateOrganizationRequest request, out string problem)
    {
        string? name = null, plan = null;
        var autoPurchase = false;
        problem = string.Empty;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--name" when i + 1 < args.Length:
                    name = args[++i];
                    break;
                case "--plan" when i + 1 < args.Length:
                    plan = args[++i];
                    break;
                case "--auto-purchase":
                    autoPurchase = true;
                    break;
                case "--name" or "--plan":
                    problem = $"'{args[i]}' needs a value.";
                    break;
                default:
                    problem = $"Unexpected argument '{args[i]}'.";
                    break;
            }
        }

        request = new AdminCreateOrganizationRequest(name, plan, autoPurchase);
        return problem.Length == 0;
    }
}

using Slotflow.Api;
using Slotflow.Api.Cli;
using Slotflow.Infrastructure.Persistence;

if (args is [CreateOrganizationCli.CommandName, .. var rest])
{
    return await CreateOrganizationCli.RunAsync(rest, Console.Out, Console.Error);
}

if (args is [MigrateCli.CommandName, .. var migrateArguments])
{
    return await MigrateCli.RunAsync(migrateArguments, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddSlotflowApi();

var app = builder.Build();
app.UseSlotflowApi();
await app.Services.PrepareDatabaseAsync();
await app.RunAsync();
return 0;

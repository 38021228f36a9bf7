using ModelContextProtocol.AspNetCore;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Slotflow.Api.Wire;

namespace Slotflow.Api.Mcp;

/// <summary>
/// /mcp (spec §13): the Model Context Protocol over Streamable HTTP, stateless, in the same process and behind the
/// same API-key authentication, rate limit and tenancy as /v1. Each tool calls the use case its REST endpoint calls.
/// </summary>
public static class McpEndpoint
{
    public const string Path = "/mcp";

    private const string Instructions =
        "Slotflow books meetings with real people (humans). Find the human with list_humans, read its rules with get_human, " +
        "list free times with find_slots and book one with book, passing a starts_at from find_slots. If book answers " +
        "SLOT_UNAVAILABLE, another agent took that time: book one of the alternatives the error carries (or call find_slots " +
        "again). When any of several humans will do, pass human_ids instead of human_id to find_slots and book; " +
        "book_first_available books the first free of several choices (a human and a start each), in order. To ask your " +
        "user before booking, hold the time first and confirm_hold when they agree (release_hold if not); reschedule moves " +
        "a booking in one step. Instants are UTC (ISO 8601 with Z); each answer's text also gives them in the human's " +
        "local time.";

    public static IServiceCollection AddSlotflowMcp(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<ToolAnswers>();
        services.AddScoped<McpIdempotency>();
        services.AddMcpServer(options =>
            {
                options.ServerInfo = new Implementation { Name = "slotflow", Title = "Slotflow", Version = "1.0.0" };
                options.ServerInstructions = Instructions;
            })
            .WithHttpTransport(options => options.SessionMode = HttpServerSessionMode.Stateless)
            .WithRequestFilters(filters => filters.AddCallToolFilter(next => async (context, cancellationToken) =>
                context.MatchedPrimitive is McpServerTool { ProtocolTool: var tool }
                && ToolArgumentCheck.Refusal(tool.Name, tool.InputSchema, context.Params?.Arguments) is { } refusal
                    ? ToolAnswers.Refusal(refusal)
                    : await next(context, cancellationToken)))
            .WithTools<HumanTools>(SlotflowJson.Options)
            .WithTools<SlotTools>(SlotflowJson.Options)
            .WithTools<BookingTools>(SlotflowJson.Options)
            .WithTools<HoldTools>(SlotflowJson.Options)
            .WithTools<OverrideTools>(SlotflowJson.Options);
        return services;
    }

    public static WebApplication MapSlotflowMcp(this WebApplication app)
    {
        app.MapMcp(Path).ExcludeFromDescription(); // JSON-RPC, described by its own tools/list, not by OpenAPI
        return app;
    }
}

using System.Text.Json;
using FluentValidation;
using ModelContextProtocol.Protocol;
using Slotflow.Api.Controllers;
using Slotflow.Api.Errors;
using Slotflow.Api.Wire;

namespace Slotflow.Api.Mcp;

/// <summary>
/// What every tool does around its use case: checks its arguments with the REST request's validator, and answers a
/// model the REST JSON as structured content plus a short text; a refusal or a bad argument is a tool result with
/// isError and the REST error body (same code and message), a bug a generic error with the request id.
/// </summary>
public sealed class ToolAnswers(IHttpContextAccessor http, IServiceProvider services, ILogger<ToolAnswers> logger)
{
    public static readonly JsonSerializerOptions Json = ResponseJson();

    private HttpContext Context => http.HttpContext ?? throw new InvalidOperationException("An MCP tool runs within its HTTP request.");

    /// <summary>The organization of the API key that authenticated the MCP request.</summary>
    public Guid OrganizationId => Context.User.OrganizationId();

    /// <summary>Refuses the arguments as REST refuses the same body (VALIDATION_ERROR naming the fields), unreadable ones first.</summary>
    public Task ValidateAsync<TRequest>(TRequest request, ToolArguments arguments, CancellationToken cancellationToken) =>
        arguments.ValidateAsync(services.GetRequiredService<IValidator<TRequest>>(), request, cancellationToken);

    /// <summary>Runs a use case and answers its result, or its refusal, as a tool result.</summary>
    public Task<CallToolResult> AnswerAsync<T>(Func<Task<T>> useCase, Func<T, string> describe) =>
        AnswerAsync(useCase, describe, result => result);

    /// <summary>The same, answering <paramref name="structured"/> of the result as its structured content.</summary>
    public async Task<CallToolResult> AnswerAsync<T, TStructured>(Func<Task<T>> useCase, Func<T, string> describe, Func<T, TStructured> structured)
    {
        try
        {
            var result = await useCase();
            return Success(structured(result), describe(result));
        }
        catch (Exception exception) when (ErrorOf(exception) is { } error)
        {
            return Refusal(error);
        }
    }

    /// <summary>A result as REST writes it (snake_case, instants in UTC with milliseconds), as an idempotent answer is stored.</summary>
    public static string Render<T>(T result) => JsonSerializer.Serialize(result, Json);

    public static CallToolResult Success<T>(T result, string text) => new()
    {
        StructuredContent = JsonSerializer.SerializeToElement(result, Json),
        Content = [new TextContentBlock { Text = text }],
    };

    public static CallToolResult Refusal(ErrorBody error) => new()
    {
        IsError = true,
        StructuredContent = JsonSerializer.SerializeToElement(new ErrorEnvelope(error), Json),
        Content = [new TextContentBlock { Text = error.Candidates is { } candidates
            ? $"{error.Code}: {error.Message}{Tried(candidates)}{Offered(error)} Try again with other candidates; find_slots with human_ids lists who is free when."
            : $"{error.Code}: {error.Message}{Hint(error.Code)}{Offered(error)}" }],
    };

    /// <summary>The alternatives a refusal carries, as a sentence (empty when it carries none).</summary>
    public static string Offered(ErrorBody error) => error.Alternatives switch
    {
        null => string.Empty,
        [] => " No free slot of this length within 14 days either side.",
        var slots => " Nearest free slots (UTC): " + string.Join(", ", slots.Select(Slot)) + ".",
    };

    private static string Slot(AlternativeSlot slot) => slot.HumanIds is { } humans
        ? $"{UtcInstantJsonConverter.Format(slot.StartsAt)} (human_ids {string.Join(", ", humans)})"
        : UtcInstantJsonConverter.Format(slot.StartsAt);

    /// <summary>Each candidate of a first-available booking that was not booked, with its own refusal code.</summary>
    private static string Tried(IReadOnlyList<RefusedCandidate> candidates) =>
        " Candidates: " + string.Join("; ", candidates.Select((c, i) => $"{i} human_id {c.HumanId} starts_at {UtcInstantJsonConverter.Format(c.StartsAt)}: {c.Code}")) + ".";

    /// <summary>The REST error body of an exception (a bug: logged, answered generically); none when the client went away.</summary>
    private ErrorBody? ErrorOf(Exception exception) =>
        exception switch
        {
            ToolRefusalException refusal => refusal.Error,
            OperationCanceledException when Context.RequestAborted.IsCancellationRequested => null,
            _ => ApiExceptionHandler.ToError(Context, exception, logger),
        };

    /// <summary>What a model should do next, for the refusals where that is not obvious from the message.</summary>
    private static string Hint(string code) => code switch
    {
        "SLOT_UNAVAILABLE" => " This time is taken: book one of the alternatives below, or call find_slots again.",
        "OUTSIDE_WORKING_HOURS" or "SCHEDULE_BLOCKED" => " Pick a time from find_slots: every listed slot is bookable.",
        "INVALID_DURATION" => " Use one of the human's meeting_durations (get_human shows them).",
        "VALIDATION_ERROR" => " Fix the named argument and call again.",
        _ => string.Empty,
    };

    private static JsonSerializerOptions ResponseJson()
    {
        var options = new JsonSerializerOptions();
        SlotflowJson.ApplyForResponses(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

using FluentValidation;
using FluentValidation.Results;
using Slotflow.Api.Wire;

namespace Slotflow.Api.Mcp;

/// <summary>
/// Reads a tool's text arguments (UUIDs, instants) into the types the REST request carries, collecting what cannot be
/// read so that it is refused with the validator's other findings, each naming its argument once.
/// </summary>
public sealed class ToolArguments
{
    private readonly List<ValidationFailure> _unreadable = [];

    public Guid? Uuid(string? text, string argument)
    {
        if (text is null)
        {
            return null;
        }

        if (Guid.TryParseExact(text, "D", out var id))
        {
            return id;
        }

        _unreadable.Add(new ValidationFailure(argument, $"{argument} must be a UUID."));
        return null;
    }

    public DateTimeOffset? Instant(string? text, string argument)
    {
        if (text is null)
        {
            return null;
        }

        if (WireInstant.TryParse(text, out var instant))
        {
            return instant;
        }

        _unreadable.Add(new ValidationFailure(argument, $"{argument} must be an ISO 8601 instant with Z or an offset, such as 2026-03-16T13:00:00Z."));
        return null;
    }

    /// <summary>The one id a tool takes, or a refusal naming it.</summary>
    public static Guid SingleUuid(string? text, string argument)
    {
        var arguments = new ToolArguments();
        var id = arguments.Uuid(text, argument);
        arguments.ThrowIfUnreadable();
        return id.GetValueOrDefault();
    }

    /// <summary>Refuses what could not be read, then what the REST validator refuses of the rest.</summary>
    public async Task ValidateAsync<TRequest>(IValidator<TRequest> validator, TRequest request, CancellationToken cancellationToken)
    {
        var result = await validator.ValidateAsync(request, cancellationToken);
        var failures = _unreadable.Concat(result.Errors.Where(e => _unreadable.All(u => u.PropertyName != e.PropertyName))).ToList();
        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }
    }

    /// <summary>Refuses what could not be read (for tools whose arguments have no REST body to validate).</summary>
    public void ThrowIfUnreadable()
    {
        if (_unreadable.Count > 0)
        {
            throw new ValidationException(_unreadable);
        }
    }
}

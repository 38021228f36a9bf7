using FluentValidation;
using FluentValidation.Results;
using Slotflow.Api.Wire;

namespace Slotflow.Api.Mcp;

/// <summary>
/// Reads a tool's text arguments (UUIDs, instants) into the types the REST request carries, collecting what cannot be
/// read (or combined) so that it is refused with the validator's other findings, each naming its argument once.
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

    /// <summary>The ids in order, <see cref="Guid.Empty"/> where one is not a UUID so that the validator names no other fault of the list.</summary>
    public IReadOnlyList<Guid>? Uuids(string[]? texts, string argument)
    {
        if (texts is null)
        {
            return null;
        }

        var ids = texts.Select(text => Guid.TryParseExact(text, "D", out var id) ? id : Guid.Empty).ToList();
        if (ids.Contains(Guid.Empty))
        {
            _unreadable.Add(new ValidationFailure(argument, $"{argument} must be an array of UUIDs."));
        }

        return ids;
    }

    /// <summary>Exactly one of human_id and human_ids, refused as POST /v1/bookings refuses it (spec §12).</summary>
    public void OneHumanOrSeveral(string? humanId, string[]? humanIds)
    {
        if (humanId is not null && humanIds is not null)
        {
            _unreadable.Add(new ValidationFailure("human_ids", "Send human_id or human_ids, not both."));
        }
        else if (humanId is null && humanIds is null)
        {
            _unreadable.Add(new ValidationFailure("human_id", "human_id is required."));
        }
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

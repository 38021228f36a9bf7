using System.ComponentModel;
using Slotflow.Api.Contracts;

namespace Slotflow.Api.Mcp;

/// <summary>One candidate of book_first_available, as text, so that an unreadable id or start is named like any other argument.</summary>
public sealed record BookingCandidateArgument(
    [property: Description("The human's id (UUID), from list_humans.")] string? HumanId,
    [property: Description("Start, ISO 8601 with Z or an offset, e.g. 2026-03-16T13:00:00Z; normally a starts_at from find_slots.")] string? StartsAt)
{
    /// <summary>The REST request's candidate; <paramref name="path"/> names it in a refusal, e.g. candidates[0].</summary>
    public BookingCandidateRequest ToRequest(ToolArguments arguments, string path) =>
        new(arguments.Uuid(HumanId, $"{path}.human_id"), arguments.Instant(StartsAt, $"{path}.starts_at"));
}

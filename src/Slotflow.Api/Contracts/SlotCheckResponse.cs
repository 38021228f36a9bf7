using System.Text.Json.Serialization;
using Slotflow.Api.Errors;
using Slotflow.Application.Bookings.CheckSlot;

namespace Slotflow.Api.Contracts;

/// <summary>
/// POST /v1/bookings/check (spec §11.4): <c>{"bookable": true}</c>, or <c>{"bookable": false, "error": {…}}</c> with
/// the error the booking would get.
/// </summary>
public sealed record SlotCheckResponse(
    bool Bookable,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ErrorBody? Error)
{
    public static SlotCheckResponse From(SlotCheckDto check)
    {
        return check.Refusal is { } refusal ? new SlotCheckResponse(false, ApiErrors.Body(refusal)) : new SlotCheckResponse(true, null);
    }
}

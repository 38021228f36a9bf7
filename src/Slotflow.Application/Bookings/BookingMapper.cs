using System.Text.Json;
using Riok.Mapperly.Abstractions;
using Slotflow.Application.Common;
using Slotflow.Domain.Bookings;

namespace Slotflow.Application.Bookings;

[Mapper(EnumNamingStrategy = EnumNamingStrategy.SnakeCase)]
public static partial class BookingMapper
{
    [MapperIgnoreSource(nameof(Booking.OrganizationId))]
    [MapperIgnoreSource(nameof(Booking.CancelledAt))]
    [MapperIgnoreSource(nameof(Booking.Interval))]
    [MapperIgnoreSource(nameof(Booking.BlockedFrom))]
    [MapperIgnoreSource(nameof(Booking.BlockedUntil))]
    [MapperIgnoreSource(nameof(Booking.Taken))]
    [MapperIgnoreSource(nameof(Booking.DomainEvents))]
    public static partial BookingDto ToDto(this Booking booking);

    /// <summary>The stored text is the object the client sent; it goes back out as JSON, not as a string.</summary>
    internal static JsonElement? ToJson(string? metadata)
    {
        if (metadata is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(ReadableJsonText.Repair(metadata));
        return document.RootElement.Clone();
    }
}

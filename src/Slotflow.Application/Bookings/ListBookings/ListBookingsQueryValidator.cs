using System.Globalization;
using FluentValidation;

namespace Slotflow.Application.Bookings.ListBookings;

public sealed class ListBookingsQueryValidator : AbstractValidator<ListBookingsQuery>
{
    public const int MaxLimit = 100;

    public ListBookingsQueryValidator()
    {
        RuleFor(q => q.HumanId).Must(id => Guid.TryParseExact(id, "D", out _)).When(q => q.HumanId is not null)
            .WithMessage("human_id must be a UUID.");
        RuleFor(q => q.Status).Must(s => s is "confirmed" or "cancelled").When(q => q.Status is not null)
            .WithMessage("status must be \"confirmed\" or \"cancelled\".");
        RuleFor(q => q.DateFrom).Must(d => BookingBounds.TryParse(d, endOfDay: false, out _)).When(q => q.DateFrom is not null)
            .WithMessage("date_from must be a UTC date YYYY-MM-DD or an instant with Z or an offset.");
        RuleFor(q => q.DateTo).Must(d => BookingBounds.TryParse(d, endOfDay: true, out _)).When(q => q.DateTo is not null)
            .WithMessage("date_to must be a UTC date YYYY-MM-DD or an instant with Z or an offset.");
        RuleFor(q => q.Limit).Must(l => IsWhole(l, out var limit) && limit is >= 1 and <= MaxLimit).When(q => q.Limit is not null)
            .WithMessage($"limit must be a whole number from 1 to {MaxLimit}.");
        RuleFor(q => q.Offset).Must(o => IsWhole(o, out _)).When(q => q.Offset is not null)
            .WithMessage("offset must be a whole number, 0 or more.");
    }

    private static bool IsWhole(string? text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}

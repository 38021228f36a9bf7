using FluentValidation;
using Slotflow.Application.Common;

namespace Slotflow.Application.Bookings.ListBookings;

public sealed class ListBookingsQueryValidator : AbstractValidator<ListBookingsQuery>
{
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
        RuleFor(q => q.DateTo)
            .Must((q, to) => BookingBounds.Parse(to!, endOfDay: true) > BookingBounds.Parse(q.DateFrom!, endOfDay: false))
            .When(q => BookingBounds.TryParse(q.DateFrom, endOfDay: false, out _) && BookingBounds.TryParse(q.DateTo, endOfDay: true, out _))
            .WithMessage("date_to must not be before date_from.");
        RuleFor(q => q.Limit).Must(Paging.IsValidLimit).When(q => q.Limit is not null).WithMessage(Paging.LimitMessage);
        RuleFor(q => q.Offset).Must(Paging.IsValidOffset).When(q => q.Offset is not null).WithMessage(Paging.OffsetMessage);
    }
}

using FluentValidation;
using Slotflow.Api.Contracts;
using Slotflow.Api.Wire;

namespace Slotflow.Api.Validation;

public sealed class ListBookingsRequestValidator : AbstractValidator<ListBookingsRequest>
{
    public ListBookingsRequestValidator()
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
            .Must((q, to) => !BookingBounds.TryParse(q.DateFrom, endOfDay: false, out var from)
                || !BookingBounds.TryParse(to, endOfDay: true, out var until)
                || until > from)
            .WithMessage("date_to must not be before date_from.");
        Include(new PageRequestValidator(Paging.MaxLimit));
    }
}

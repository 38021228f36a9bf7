using System.Globalization;
using FluentValidation;
using Slotflow.Api.Contracts;
using Slotflow.Api.Wire;

namespace Slotflow.Api.Validation;

public sealed class GetSlotsRequestValidator : AbstractValidator<GetSlotsRequest>
{
    /// <summary>The longest range one request may ask for, in days after date_from.</summary>
    public const int MaxSpanDays = 92;

    public GetSlotsRequestValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;

        RuleFor(q => q.DateFrom)
            .NotEmpty().WithMessage("date_from is required.")
            .Must(d => TryParse(d, out _)).WithMessage("date_from must be a date YYYY-MM-DD between 1970 and 2999.");

        RuleFor(q => q.DateTo)
            .NotEmpty().WithMessage("date_to is required.")
            .Must(d => TryParse(d, out _)).WithMessage("date_to must be a date YYYY-MM-DD between 1970 and 2999.");

        RuleFor(q => q.DateTo)
            .Must((q, to) => Span(q) >= 0).WithMessage("date_to must not be before date_from.")
            .Must((q, to) => Span(q) <= MaxSpanDays).WithMessage($"date_to must be at most {MaxSpanDays} days after date_from.")
            .When(q => TryParse(q.DateFrom, out _) && TryParse(q.DateTo, out _));

        RuleFor(q => q.Duration)
            .NotEmpty().WithMessage("duration is required.")
            .Must(d => int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) && minutes > 0)
            .WithMessage("duration must be a positive whole number of minutes.");
    }

    private static bool TryParse(string? text, out DateOnly date) => WireDate.TryParse(text, out date) && date.Year is >= 1970 and <= 2999;

    private static int Span(GetSlotsRequest q) =>
        TryParse(q.DateFrom, out var from) && TryParse(q.DateTo, out var to) ? to.DayNumber - from.DayNumber : -1;
}

using System.Globalization;
using FluentValidation;
using Slotflow.Application.Common;

namespace Slotflow.Application.Slots.GetSlots;

public sealed class GetSlotsQueryValidator : AbstractValidator<GetSlotsQuery>
{
    /// <summary>The longest range one request may ask for, in days after date_from.</summary>
    public const int MaxSpanDays = 92;

    public GetSlotsQueryValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;

        RuleFor(q => q.DateFrom)
            .NotEmpty().WithMessage("date_from is required.")
            .Must(d => WireDate.TryParse(d, out var date) && IsSupported(date)).WithMessage("date_from must be a date YYYY-MM-DD between 1970 and 2999.");

        RuleFor(q => q.DateTo)
            .NotEmpty().WithMessage("date_to is required.")
            .Must(d => WireDate.TryParse(d, out var date) && IsSupported(date)).WithMessage("date_to must be a date YYYY-MM-DD between 1970 and 2999.");

        RuleFor(q => q.DateTo)
            .Must((q, to) => WireDate.Parse(to!) >= WireDate.Parse(q.DateFrom!)).WithMessage("date_to must not be before date_from.")
            .Must((q, to) => WireDate.Parse(to!).DayNumber - WireDate.Parse(q.DateFrom!).DayNumber <= MaxSpanDays)
            .WithMessage($"date_to must be at most {MaxSpanDays} days after date_from.")
            .When(q => WireDate.TryParse(q.DateFrom, out var from) && IsSupported(from) && WireDate.TryParse(q.DateTo, out var to) && IsSupported(to));

        RuleFor(q => q.Duration)
            .NotEmpty().WithMessage("duration is required.")
            .Must(d => int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) && minutes > 0)
            .WithMessage("duration must be a positive whole number of minutes.");
    }

    private static bool IsSupported(DateOnly date) => date.Year is >= 1970 and <= 2999;
}

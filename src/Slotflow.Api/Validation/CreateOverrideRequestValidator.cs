using FluentValidation;
using Slotflow.Api.Contracts;
using Slotflow.Api.Wire;
using Slotflow.Domain.Common;
using Slotflow.Domain.Humans;

namespace Slotflow.Api.Validation;

/// <summary>Override rules of spec §5, each naming its wire field.</summary>
public sealed class CreateOverrideRequestValidator : AbstractValidator<CreateOverrideRequest>
{
    public CreateOverrideRequestValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;

        RuleFor(c => c.Type)
            .NotEmpty().WithMessage("type is required.")
            .Must(t => t is "block" or "open").WithMessage("type must be \"block\" or \"open\".");

        RuleFor(c => c.Title).Must(ScheduleOverride.IsValidTitle).WithMessage(ReadableText.Message("title", ScheduleOverride.MaxTitleLength));

        RuleFor(c => c.StartDate)
            .NotEmpty().WithMessage("start_date is required.")
            .Must(d => WireDate.TryParse(d, out _)).WithMessage("start_date must be a date YYYY-MM-DD.");

        RuleFor(c => c.EndDate)
            .Must(d => WireDate.TryParse(d, out _)).WithMessage("end_date must be a date YYYY-MM-DD.")
            .Must((c, d) => !WireDate.TryParse(c.StartDate, out var start) || (WireDate.TryParse(d, out var end) && end >= start))
            .WithMessage("end_date must not be before start_date.")
            .When(c => c.EndDate is not null);

        When(c => c.AllDay == true, () =>
        {
            RuleFor(c => c.StartTime).Null().WithMessage("start_time must not be given when all_day is true.");
            RuleFor(c => c.EndTime).Null().WithMessage("end_time must not be given when all_day is true.");
        }).Otherwise(() =>
        {
            RuleFor(c => c.StartTime)
                .NotEmpty().WithMessage("start_time is required unless all_day is true.")
                .Must(t => ClockTime.TryParse(t, allowEndOfDay: false, out _)).WithMessage("start_time must be a time HH:MM from 00:00 to 23:59.");
            RuleFor(c => c.EndTime)
                .NotEmpty().WithMessage("end_time is required unless all_day is true.")
                .Must(t => ClockTime.TryParse(t, allowEndOfDay: true, out _)).WithMessage("end_time must be a time HH:MM from 00:00 to 24:00.");
            RuleFor(c => c.StartTime)
                .Must((c, start) => ClockTime.TryParse(start, false, out var from) && ClockTime.TryParse(c.EndTime, true, out var to)
                    && from.Minutes < to.Minutes)
                .When(c => ClockTime.TryParse(c.StartTime, false, out _) && ClockTime.TryParse(c.EndTime, true, out _))
                .WithMessage("start_time must be before end_time.");
        });

        RuleFor(c => c.Recurrence!).SetValidator(new RecurrenceRequestValidator()).When(c => c.Recurrence is not null);
    }
}

public sealed class RecurrenceRequestValidator : AbstractValidator<RecurrenceRequest>
{
    public RecurrenceRequestValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;

        RuleFor(r => r.Freq)
            .NotEmpty().WithMessage("recurrence.freq is required.")
            .Must(f => f is "weekly" or "monthly").WithMessage("recurrence.freq must be \"weekly\" or \"monthly\".");

        RuleFor(r => r.Interval)
            .Must(i => i is { } interval && RecurrenceRule.IsValidInterval(interval)).When(r => r.Interval is not null)
            .WithMessage($"recurrence.interval must be 1 to {RecurrenceRule.MaxInterval}.");

        When(r => r.Freq == "weekly", () =>
        {
            RuleFor(r => r.Days)
                .NotEmpty().WithMessage("recurrence.days is required for a weekly recurrence.")
                .Must(days => days is not null && days.All(Weekdays.IsValid) && days.Distinct().Count() == days.Length)
                .WithMessage("recurrence.days must be distinct weekdays 1 (Monday) to 7 (Sunday).");
            RuleFor(r => r.DayOfMonth).Null().WithMessage("recurrence.day_of_month is only for monthly recurrences.");
            RuleFor(r => r.Week).Null().WithMessage("recurrence.week is only for monthly recurrences.");
            RuleFor(r => r.Day).Null().WithMessage("recurrence.day is only for monthly recurrences.");
        });

        When(r => r.Freq == "monthly", () =>
        {
            RuleFor(r => r.Days).Null().WithMessage("recurrence.days is only for weekly recurrences.");
            RuleFor(r => r.DayOfMonth)
                .Must((r, dayOfMonth) => (dayOfMonth is null) != (r.Week is null && r.Day is null))
                .WithMessage("recurrence.day_of_month: a monthly recurrence takes either day_of_month, or week and day.")
                .InclusiveBetween(1, 31).WithMessage("recurrence.day_of_month must be 1 to 31.");
            RuleFor(r => r.Week)
                .NotNull().When(r => r.Day is not null).WithMessage("recurrence.week is required with recurrence.day.")
                .InclusiveBetween(1, RecurrenceRule.LastWeek).WithMessage("recurrence.week must be 1 to 5 (5 = last).");
            RuleFor(r => r.Day)
                .NotNull().When(r => r.Week is not null).WithMessage("recurrence.day is required with recurrence.week.")
                .Must(d => d is null || Weekdays.IsValid(d.Value)).WithMessage("recurrence.day must be a weekday 1 (Monday) to 7 (Sunday).");
        });
    }
}

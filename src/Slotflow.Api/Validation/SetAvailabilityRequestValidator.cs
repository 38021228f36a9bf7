using FluentValidation;
using Slotflow.Api.Contracts;
using Slotflow.Domain.Humans;

namespace Slotflow.Api.Validation;

/// <summary>
/// The classic four fields are required unless <c>weekly_hours</c> is given (then, when sent, they must still be
/// well formed; the rules show the weekly hours' summary instead). The rules of spec §10 are optional.
/// </summary>
public sealed class SetAvailabilityRequestValidator : AbstractValidator<SetAvailabilityRequest>
{
    public SetAvailabilityRequestValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;

        RuleFor(c => c.WorkingDays)
            .NotEmpty().WithMessage("working_days is required and must not be empty (or give weekly_hours).")
            .Must(days => days is not null && days.All(Weekdays.IsValid)).WithMessage("working_days must hold weekdays 1 (Monday) to 7 (Sunday).")
            .Must(BeDistinct).WithMessage("working_days must not repeat a day.")
            .When(c => c.WeeklyHours is null || c.WorkingDays is not null);

        RuleFor(c => c.WorkStart)
            .NotEmpty().WithMessage("work_start is required (or give weekly_hours).")
            .Must(t => ClockTime.TryParse(t, allowEndOfDay: false, out _)).WithMessage("work_start must be a time HH:MM from 00:00 to 23:59.")
            .When(c => c.WeeklyHours is null || c.WorkStart is not null);

        RuleFor(c => c.WorkEnd)
            .NotEmpty().WithMessage("work_end is required (or give weekly_hours).")
            .Must(t => ClockTime.TryParse(t, allowEndOfDay: true, out _)).WithMessage("work_end must be a time HH:MM from 00:00 to 24:00.")
            .When(c => c.WeeklyHours is null || c.WorkEnd is not null);

        RuleFor(c => c.WorkStart)
            .Must((command, start) => Minutes(start, false) < Minutes(command.WorkEnd, true))
            .When(c => ClockTime.TryParse(c.WorkStart, false, out _) && ClockTime.TryParse(c.WorkEnd, true, out _))
            .WithMessage("work_start must be before work_end.");

        RuleFor(c => c.MeetingDurations)
            .NotEmpty().WithMessage("meeting_durations is required and must not be empty.")
            .Must(durations => durations is not null && durations.All(WorkingHours.IsAllowedDurationValue))
            .WithMessage($"meeting_durations must hold minutes from {WorkingHours.MinDuration} to {WorkingHours.MaxDuration} in multiples of 5.")
            .Must(BeDistinct).WithMessage("meeting_durations must not repeat a value.");

        RuleFor(c => c.SlotInterval)
            .Must(v => v is null || WorkingHours.IsAllowedDurationValue(v.Value))
            .WithMessage($"slot_interval must be null or minutes from {WorkingHours.MinDuration} to {WorkingHours.MaxDuration} in multiples of 5.");
        RuleFor(c => c.BufferBefore)
            .Must(v => v is null || SchedulingRules.IsValidBuffer(v.Value))
            .WithMessage($"buffer_before must be minutes from 0 to {SchedulingRules.MaxBuffer} in multiples of 5.");
        RuleFor(c => c.BufferAfter)
            .Must(v => v is null || SchedulingRules.IsValidBuffer(v.Value))
            .WithMessage($"buffer_after must be minutes from 0 to {SchedulingRules.MaxBuffer} in multiples of 5.");
        RuleFor(c => c.MinimumNotice)
            .Must(v => v is null || SchedulingRules.IsValidNotice(v.Value))
            .WithMessage($"minimum_notice must be minutes from 0 to {SchedulingRules.MaxMinimumNotice}.");
        RuleFor(c => c.BookingHorizonDays)
            .Must(v => v is null || SchedulingRules.IsValidHorizon(v.Value))
            .WithMessage($"booking_horizon_days must be null or days from 1 to {SchedulingRules.MaxHorizonDays}.");
        RuleFor(c => c.DailyBookingLimit)
            .Must(v => v is null || SchedulingRules.IsValidLimit(v.Value))
            .WithMessage("daily_booking_limit must be null or at least 1.");
        RuleFor(c => c.WeeklyBookingLimit)
            .Must(v => v is null || SchedulingRules.IsValidLimit(v.Value))
            .WithMessage("weekly_booking_limit must be null or at least 1.");

        RuleFor(c => c.WeeklyHours).Custom((weekly, context) =>
        {
            if (weekly is not null && WeeklyHoursProblem(weekly) is { } problem)
            {
                context.AddFailure(problem);
            }
        });
    }

    /// <summary>The first thing wrong with weekly_hours, in the order a reader would check it; null when it is valid.</summary>
    private static string? WeeklyHoursProblem(Dictionary<string, WindowRequest[]?> weekly)
    {
        var windows = 0;
        foreach (var (day, dayWindows) in weekly)
        {
            if (day is not ("1" or "2" or "3" or "4" or "5" or "6" or "7"))
            {
                return $"weekly_hours keys must be weekdays \"1\" (Monday) to \"7\" (Sunday); \"{day}\" is not.";
            }

            var parsed = new List<(int Start, int End)>();
            foreach (var window in dayWindows ?? [])
            {
                if (window is null || !ClockTime.TryParse(window.Start, false, out var start) || !ClockTime.TryParse(window.End, true, out var end))
                {
                    return $"weekly_hours[\"{day}\"] windows must be {{\"start\": \"HH:MM\", \"end\": \"HH:MM\"}} (end may be 24:00).";
                }

                if (start.Minutes >= end.Minutes)
                {
                    return $"weekly_hours[\"{day}\"]: each window's start must be before its end.";
                }

                parsed.Add((start.Minutes, end.Minutes));
            }

            parsed.Sort();
            for (var i = 1; i < parsed.Count; i++)
            {
                if (parsed[i].Start < parsed[i - 1].End)
                {
                    return $"weekly_hours[\"{day}\"]: windows of one day must not overlap.";
                }
            }

            windows += parsed.Count;
        }

        return windows == 0 ? "weekly_hours must give at least one window." : null;
    }

    private static bool BeDistinct(int[]? values) => values is not null && values.Distinct().Count() == values.Length;

    private static int Minutes(string? time, bool allowEndOfDay) =>
        ClockTime.TryParse(time, allowEndOfDay, out var parsed) ? parsed.Minutes : -1;
}

using FluentValidation;
using Slotflow.Api.Contracts;
using Slotflow.Domain.Humans;

namespace Slotflow.Api.Validation;

public sealed class SetAvailabilityRequestValidator : AbstractValidator<SetAvailabilityRequest>
{
    public SetAvailabilityRequestValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;

        RuleFor(c => c.WorkingDays)
            .NotEmpty().WithMessage("working_days is required and must not be empty.")
            .Must(days => days is not null && days.All(Weekdays.IsValid)).WithMessage("working_days must hold weekdays 1 (Monday) to 7 (Sunday).")
            .Must(BeDistinct).WithMessage("working_days must not repeat a day.");

        RuleFor(c => c.WorkStart)
            .NotEmpty().WithMessage("work_start is required.")
            .Must(t => ClockTime.TryParse(t, allowEndOfDay: false, out _)).WithMessage("work_start must be a time HH:MM from 00:00 to 23:59.");

        RuleFor(c => c.WorkEnd)
            .NotEmpty().WithMessage("work_end is required.")
            .Must(t => ClockTime.TryParse(t, allowEndOfDay: true, out _)).WithMessage("work_end must be a time HH:MM from 00:00 to 24:00.");

        RuleFor(c => c.WorkStart)
            .Must((command, start) => Minutes(start, false) < Minutes(command.WorkEnd, true))
            .When(c => ClockTime.TryParse(c.WorkStart, false, out _) && ClockTime.TryParse(c.WorkEnd, true, out _))
            .WithMessage("work_start must be before work_end.");

        RuleFor(c => c.MeetingDurations)
            .NotEmpty().WithMessage("meeting_durations is required and must not be empty.")
            .Must(durations => durations is not null && durations.All(WorkingHours.IsAllowedDurationValue))
            .WithMessage($"meeting_durations must hold minutes from {WorkingHours.MinDuration} to {WorkingHours.MaxDuration} in multiples of 5.")
            .Must(BeDistinct).WithMessage("meeting_durations must not repeat a value.");
    }

    private static bool BeDistinct(int[]? values) => values is not null && values.Distinct().Count() == values.Length;

    private static int Minutes(string? time, bool allowEndOfDay) =>
        ClockTime.TryParse(time, allowEndOfDay, out var parsed) ? parsed.Minutes : -1;
}

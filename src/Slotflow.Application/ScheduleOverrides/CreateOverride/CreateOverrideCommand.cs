using Mediator;
using Slotflow.Application.Common;
using Slotflow.Domain.Common;
using Slotflow.Domain.Humans;

namespace Slotflow.Application.ScheduleOverrides.CreateOverride;

/// <summary>POST /v1/humans/{id}/overrides. Fields arrive as sent; the validator has checked their form.</summary>
public sealed record CreateOverrideCommand(
    Guid OrganizationId,
    Guid HumanId,
    string? Type,
    string? Title,
    bool? AllDay,
    string? StartDate,
    string? EndDate,
    string? StartTime,
    string? EndTime,
    RecurrenceInput? Recurrence) : ICommand<OverrideDto>;

public sealed record RecurrenceInput(string? Freq, int? Interval, IReadOnlyList<int>? Days, int? DayOfMonth, int? Week, int? Day);

public sealed class CreateOverrideCommandHandler(IHumanRepository humans, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<CreateOverrideCommand, OverrideDto>
{
    public async ValueTask<OverrideDto> Handle(CreateOverrideCommand command, CancellationToken cancellationToken)
    {
        var type = command.Type == "block" ? OverrideType.Block : OverrideType.Open;
        var startDate = WireDate.Parse(command.StartDate!);
        DateOnly? endDate = command.EndDate is null ? null : WireDate.Parse(command.EndDate);
        (ClockTime, ClockTime)? window = command.AllDay == true
            ? null
            : (ClockTime.Parse(command.StartTime!, allowEndOfDay: false), ClockTime.Parse(command.EndTime!, allowEndOfDay: true));
        var recurrence = command.Recurrence is null ? null : ToRule(command.Recurrence);

        // In a transaction that returns the answer, so that an Idempotency-Key's stored answer commits with the override.
        return await unitOfWork.InTransactionAsync(
            async () =>
            {
                var human = await humans.FindActiveAsync(command.OrganizationId, command.HumanId, cancellationToken)
                    ?? throw DomainException.NotFound("Human");
                // Counted after the human was read, so an add or delete committed in between conflicts on its token.
                var count = await humans.CountOverridesAsync(human.Id, cancellationToken);
                var added = human.AddOverride(count, type, command.Title, startDate, endDate, window, recurrence, clock.GetUtcNow());
                await unitOfWork.SaveChangesAsync(cancellationToken);
                return added.ToDto();
            },
            cancellationToken);
    }

    private static RecurrenceRule ToRule(RecurrenceInput input)
    {
        var interval = input.Interval ?? 1;
        if (input.Freq == "weekly")
        {
            return RecurrenceRule.Weekly(interval, [.. input.Days!]);
        }

        return input.DayOfMonth is { } dayOfMonth
            ? RecurrenceRule.MonthlyOnDay(interval, dayOfMonth)
            : RecurrenceRule.MonthlyOnWeekday(interval, input.Week!.Value, input.Day!.Value);
    }
}

using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Slotflow.Application.Bookings;
using Slotflow.Application.Bookings.CreateBooking;
using Slotflow.Application.Common;
using Slotflow.Domain.Bookings;
using Slotflow.Domain.Common;
using Slotflow.Domain.Humans;
using Slotflow.Domain.Organizations;
using Slotflow.Domain.Scheduling;
using static Slotflow.Domain.Tests.DomainAssert;

namespace Slotflow.Application.Tests.Bookings;

/// <summary>
/// The handler with every port mocked: a human in America/New_York, Mon–Fri 09:00–17:00, meetings of 30 or 60
/// minutes, and "now" at 2026-03-01T00:00Z. Monday 2026-03-16 10:00 local is 14:00Z.
/// </summary>
public sealed class CreateBookingCommandHandlerTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset MondayTen = new(2026, 3, 16, 14, 0, 0, TimeSpan.Zero);

    private Mock<IHumanRepository> _humans = null!;
    private Mock<IBookingRepository> _bookings = null!;
    private Mock<IBookingQuota> _quota = null!;
    private Mock<IUnitOfWork> _unitOfWork = null!;
    private Organization _organization = null!;
    private Human _human = null!;
    private List<string> _calls = null!;
    private bool _inTransaction;
    private List<TimeRange> _taken = null!;
    private CreateBookingCommandHandler _handler = null!;

    [SetUp]
    public void SetUp()
    {
        _humans = new Mock<IHumanRepository>();
        _bookings = new Mock<IBookingRepository>();
        _quota = new Mock<IBookingQuota>();
        _unitOfWork = new Mock<IUnitOfWork>();
        _calls = [];
        _inTransaction = false;

        _organization = Organization.Create("Acme", Plan.Growth, autoPurchase: false, Now);
        _human = Human.Create(_organization.Id, "Ada Lovelace", "America/New_York", null, null, Now);
        _human.SetWorkingHours(WorkingHours.Create([1, 2, 3, 4, 5], ClockTime.Parse("09:00", false), ClockTime.Parse("17:00", true), [30, 60]));

        _taken = [];
        ScheduleReads(_human);
        _bookings.Setup(b => b.Add(It.IsAny<Booking>())).Callback(() => _calls.Add(Step("add")));
        _quota.Setup(q => q.ConsumeAsync(It.IsAny<Guid>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .Callback(() => _calls.Add(Step("quota")))
            .Returns(Task.CompletedTask);
        _unitOfWork.Setup(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()))
            .Callback(() => _calls.Add(Step("save")))
            .Returns(Task.CompletedTask);
        _unitOfWork.Setup(u => u.InTransactionAsync(It.IsAny<Func<Task<BookingDto>>>(), It.IsAny<CancellationToken>()))
            .Returns<Func<Task<BookingDto>>, CancellationToken>(async (work, _) =>
            {
                _calls.Add("begin");
                _inTransaction = true;
                try
                {
                    return await work();
                }
                finally
                {
                    _inTransaction = false;
                    _calls.Add("end");
                }
            });

        _handler = new CreateBookingCommandHandler(
            _humans.Object, _bookings.Object, _quota.Object, _unitOfWork.Object, new FakeTimeProvider(Now));
    }

    [Test]
    public async Task Handle_WhenBookable_AddsAndSavesThenConsumesQuotaLast_AllInsideOneTransaction()
    {
        await _handler.Handle(Command(), CancellationToken.None);

        Assert.That(_calls, Is.EqualTo(new[]
        {
            "begin", "add (in transaction)", "save (in transaction)", "quota (in transaction)", "save (in transaction)", "end",
        }));
        _quota.Verify(q => q.ConsumeAsync(_organization.Id, Now, It.IsAny<CancellationToken>()), Times.Once);
        _bookings.Verify(b => b.Add(It.IsAny<Booking>()), Times.Once);
        _unitOfWork.Verify(u => u.InTransactionAsync(It.IsAny<Func<Task<BookingDto>>>(), It.IsAny<CancellationToken>()), Times.Once);
        _unitOfWork.Verify(u => u.DiscardChanges(), Times.Never);
    }

    [Test]
    public async Task Handle_WhenBookable_AddsAConfirmedBookingAndReturnsItsDto()
    {
        Booking? added = null;
        _bookings.Setup(b => b.Add(It.IsAny<Booking>())).Callback<Booking>(b => added = b);
        var command = Command() with
        {
            StartsAt = new DateTimeOffset(2026, 3, 16, 10, 0, 0, TimeSpan.FromHours(-4)),
            Duration = 60,
            AttendeeEmail = "grace@example.com",
            Metadata = """{"price": 1.50, "tags":["日本"]}""",
        };

        var dto = await _handler.Handle(command, CancellationToken.None);

        Assert.That(added, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(added!.OrganizationId, Is.EqualTo(_organization.Id));
            Assert.That(added.HumanId, Is.EqualTo(_human.Id));
            Assert.That(added.StartsAt, Is.EqualTo(MondayTen));
            Assert.That(added.EndsAt, Is.EqualTo(MondayTen.AddHours(1)));
            Assert.That(added.Status, Is.EqualTo(BookingStatus.Confirmed));
            Assert.That(added.Metadata, Is.EqualTo("""{"price": 1.50, "tags":["日本"]}"""));
            Assert.That(added.DomainEvents.OfType<BookingConfirmed>().Count(), Is.EqualTo(1));

            Assert.That(dto.Id, Is.EqualTo(added.Id));
            Assert.That(dto.HumanId, Is.EqualTo(_human.Id));
            Assert.That(dto.StartsAt, Is.EqualTo(MondayTen));
            Assert.That(dto.EndsAt, Is.EqualTo(MondayTen.AddHours(1)));
            Assert.That(dto.DurationMinutes, Is.EqualTo(60));
            Assert.That(dto.AttendeeName, Is.EqualTo("Grace Hopper"));
            Assert.That(dto.AttendeeEmail, Is.EqualTo("grace@example.com"));
            Assert.That(dto.Status, Is.EqualTo("confirmed"));
            Assert.That(dto.Metadata!.Value.GetProperty("price").GetRawText(), Is.EqualTo("1.50"));
            Assert.That(dto.CreatedAt, Is.EqualTo(Now));
        });
    }

    [Test]
    public async Task Handle_WhenBookable_BumpsTheHumansConcurrencyTokenOnce()
    {
        var before = _human.Version;

        await _handler.Handle(Command(), CancellationToken.None);

        Assert.That(_human.Version, Is.EqualTo(before + 1));
    }

    [Test]
    public async Task Handle_AsksForTheConfirmedBookingsOverlappingTheRequestedInterval()
    {
        await _handler.Handle(Command() with { Duration = 60 }, CancellationToken.None);

        _humans.Verify(
            h => h.LockScheduleAsync(_organization.Id, _human.Id, ScheduleSpan.ForInterval(new TimeRange(MondayTen, MondayTen.AddHours(1))), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()),
            Times.Once);
    }

    [Test]
    public void Handle_WhenTheHumanIsNotFound_Throws404_AndConsumesNoQuotaAndNeitherAddsNorSaves()
    {
        var command = Command() with { HumanId = Guid.NewGuid() };

        Assert.That(async () => await _handler.Handle(command, CancellationToken.None), ThrowsDomainError(ErrorCode.NotFound));
        AssertNothingConsumedAddedOrSaved();
    }

    [Test]
    public void Handle_WhenTheHumanBelongsToAnotherOrganization_Throws404()
    {
        var command = Command() with { OrganizationId = Guid.NewGuid() };

        Assert.That(async () => await _handler.Handle(command, CancellationToken.None), ThrowsDomainError(ErrorCode.NotFound));
        AssertNothingConsumedAddedOrSaved();
    }

    private static IEnumerable<TestCaseData> Refusals()
    {
        yield return new TestCaseData(MondayTen, 45, ErrorCode.InvalidDuration).SetName("Handle_WhenTheDurationIsNotOffered_ThrowsInvalidDuration_AndConsumesNothing");
        yield return new TestCaseData(new DateTimeOffset(2026, 3, 21, 14, 0, 0, TimeSpan.Zero), 30, ErrorCode.OutsideWorkingHours).SetName("Handle_WhenOnSaturday_ThrowsOutsideWorkingHours_AndConsumesNothing");
        yield return new TestCaseData(new DateTimeOffset(2026, 3, 16, 20, 45, 0, TimeSpan.Zero), 30, ErrorCode.OutsideWorkingHours).SetName("Handle_WhenStraddlingTheEndOfWork_ThrowsOutsideWorkingHours_AndConsumesNothing");
        yield return new TestCaseData(new DateTimeOffset(2026, 3, 21, 14, 0, 0, TimeSpan.Zero), 45, ErrorCode.InvalidDuration).SetName("Handle_WhenBothDurationAndHoursAreWrong_ThrowsInvalidDurationFirst");
        yield return new TestCaseData(new DateTimeOffset(2026, 2, 27, 15, 0, 0, TimeSpan.Zero), 30, ErrorCode.ValidationError).SetName("Handle_WhenTheStartIsBeforeNow_ThrowsValidationError_AndConsumesNothing");
    }

    [TestCaseSource(nameof(Refusals))]
    public void Handle_WhenTheEngineRefuses_ThrowsItsCode_AndConsumesNoQuotaAndNeitherAddsNorSaves(DateTimeOffset start, int duration, ErrorCode code)
    {
        var before = _human.Version;

        Assert.That(async () => await _handler.Handle(Command() with { StartsAt = start, Duration = duration }, CancellationToken.None), ThrowsDomainError(code));
        AssertNothingConsumedAddedOrSaved();
        Assert.That(_human.Version, Is.EqualTo(before));
    }

    [Test]
    public void Handle_WhenABlockOverlaps_ThrowsScheduleBlocked_AndConsumesNothing()
    {
        _human.AddOverride(
            0, OverrideType.Block, "Dentist", new DateOnly(2026, 3, 16), null,
            (ClockTime.Parse("10:15", false), ClockTime.Parse("11:00", true)), null, Now);

        Assert.That(async () => await _handler.Handle(Command(), CancellationToken.None), ThrowsDomainError(ErrorCode.ScheduleBlocked));
        AssertNothingConsumedAddedOrSaved();
    }

    [Test]
    public void Handle_WhenAConfirmedBookingOverlaps_ThrowsSlotUnavailableWithTheSpecMessage_AndConsumesNothing()
    {
        _taken = [new TimeRange(MondayTen.AddMinutes(-15), MondayTen.AddMinutes(15))];

        Assert.That(
            async () => await _handler.Handle(Command(), CancellationToken.None),
            Throws.TypeOf<DomainException>()
                .With.Property(nameof(DomainException.Code)).EqualTo(ErrorCode.SlotUnavailable)
                .And.Message.EqualTo("The requested slot is no longer available."));
        AssertNothingConsumedAddedOrSaved();
    }

    [Test]
    public void Handle_WhenTheHumanHasNoRules_ThrowsInvalidDuration()
    {
        _human = Human.Create(_organization.Id, "No rules", "America/New_York", null, null, Now);
        var command = Command() with { HumanId = _human.Id };
        ScheduleReads(_human);

        Assert.That(async () => await _handler.Handle(command, CancellationToken.None), ThrowsDomainError(ErrorCode.InvalidDuration));
        AssertNothingConsumedAddedOrSaved();
    }

    [Test]
    public void Handle_WhenTheQuotaIsUsedUp_ThrowsLimitReachedOutOfTheTransaction_SoTheSavedBookingRollsBack()
    {
        _quota.Setup(q => q.ConsumeAsync(It.IsAny<Guid>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .Callback(() => _calls.Add(Step("quota")))
            .ThrowsAsync(new DomainException(ErrorCode.LimitReached, "The monthly limit is reached."));

        Assert.That(async () => await _handler.Handle(Command(), CancellationToken.None), ThrowsDomainError(ErrorCode.LimitReached));
        Assert.That(_calls, Is.EqualTo(new[] { "begin", "add (in transaction)", "save (in transaction)", "quota (in transaction)", "end" }));
    }

    [Test]
    public async Task Handle_WhenTheSaveConflictsOnce_DiscardsAndDecidesAgainFromFreshReads()
    {
        _unitOfWork.SetupSequence(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ConcurrencyConflictException(new InvalidOperationException("token changed")))
            .Returns(Task.CompletedTask)
            .Returns(Task.CompletedTask);

        var dto = await ConflictRetry.Send(_handler, Command(), _unitOfWork.Object);

        Assert.That(dto.StartsAt, Is.EqualTo(MondayTen));
        _unitOfWork.Verify(u => u.DiscardChanges(), Times.Once);
        _humans.Verify(h => h.LockScheduleAsync(_organization.Id, _human.Id, It.IsAny<ScheduleSpan>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
        _unitOfWork.Verify(u => u.InTransactionAsync(It.IsAny<Func<Task<BookingDto>>>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Exactly(3));
    }

    [Test]
    public void Handle_WhenTheSaveConflictsAndTheRereadFindsTheIntervalTaken_ThrowsSlotUnavailable()
    {
        _unitOfWork.Setup(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ConcurrencyConflictException(new InvalidOperationException("token changed")));
        _humans.SetupSequence(h => h.LockScheduleAsync(_organization.Id, _human.Id, It.IsAny<ScheduleSpan>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new HumanSchedule(new HumanCalendar(_human, _human.Overrides), []))
            .ReturnsAsync(new HumanSchedule(new HumanCalendar(_human, _human.Overrides), [TakenTime.Unbuffered(new TimeRange(MondayTen, MondayTen.AddMinutes(30)))]));

        Assert.That(async () => await ConflictRetry.Send(_handler, Command(), _unitOfWork.Object), ThrowsDomainError(ErrorCode.SlotUnavailable));
        // Once for the lost race, once as the refused booking ends (so a pooled booking's next try reads afresh).
        _unitOfWork.Verify(u => u.DiscardChanges(), Times.Exactly(2));
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public void Handle_WhenEverySaveConflicts_DecidesTwiceThenAnswersSlotUnavailable()
    {
        _unitOfWork.Setup(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ConcurrencyConflictException(new InvalidOperationException("token changed")));

        Assert.That(async () => await ConflictRetry.Send(_handler, Command(), _unitOfWork.Object), ThrowsDomainError(ErrorCode.SlotUnavailable));
        _humans.Verify(
            h => h.LockScheduleAsync(_organization.Id, _human.Id, It.IsAny<ScheduleSpan>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()),
            Times.Exactly(BoundedRedecision.MaxDecisions));
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Exactly(2));
        _unitOfWork.Verify(u => u.DiscardChanges(), Times.Exactly(BoundedRedecision.MaxDecisions + 1)); // each lost race, and the refusal
    }

    [Test]
    public void Handle_WhenEverySaveConflicts_TheSlotUnavailableCarriesTheConflictAndTheNearestFreeSlots()
    {
        // The winner of the race holds 10:00; the fresh read after the second loss sees it.
        _unitOfWork.Setup(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ConcurrencyConflictException(new InvalidOperationException("token changed")));
        var winner = TakenTime.Unbuffered(new TimeRange(MondayTen, MondayTen.AddMinutes(30)));
        _humans.Setup(h => h.ReadScheduleAsync(_organization.Id, _human.Id, It.IsAny<ScheduleSpan>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new HumanSchedule(new HumanCalendar(_human, _human.Overrides), [winner]));
        _humans.Setup(h => h.ReadTakenRunsAsync(_human, It.IsAny<ScheduleSpan>(), It.IsAny<DateTimeOffset>(), null, It.IsAny<CancellationToken>()))
            .ReturnsAsync([winner]);

        var refusal = Assert.ThrowsAsync<IntervalRefusedException>(async () => await ConflictRetry.Send(_handler, Command(), _unitOfWork.Object));

        Assert.That(refusal!.Code, Is.EqualTo(ErrorCode.SlotUnavailable));
        Assert.That(refusal.Conflict, Is.EqualTo(winner));
        Assert.That(refusal.Alternatives.Select(a => a.Start), Is.EqualTo(new[] { MondayTen.AddMinutes(30), MondayTen.AddMinutes(-30), MondayTen.AddMinutes(60) }));
    }

    /// <summary>The booking's one read answers with the human's calendar and what <see cref="_taken"/> holds then.</summary>
    private void ScheduleReads(Human human) =>
        _humans.Setup(h => h.LockScheduleAsync(_organization.Id, human.Id, It.IsAny<ScheduleSpan>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => new HumanSchedule(new HumanCalendar(human, human.Overrides), _taken.ConvertAll(TakenTime.Unbuffered)));

    private CreateBookingCommand Command() =>
        new(_organization.Id, _human.Id, MondayTen, 30, "Grace Hopper", null, null);

    private string Step(string name) => _inTransaction ? $"{name} (in transaction)" : $"{name} (outside a transaction)";

    private void AssertNothingConsumedAddedOrSaved()
    {
        _quota.Verify(q => q.ConsumeAsync(It.IsAny<Guid>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Never);
        _bookings.Verify(b => b.Add(It.IsAny<Booking>()), Times.Never);
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }
}

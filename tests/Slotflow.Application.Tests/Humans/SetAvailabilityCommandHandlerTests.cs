using Moq;
using Slotflow.Application.Humans.SetAvailability;
using Slotflow.Domain.Common;
using Slotflow.Domain.Humans;
using static Slotflow.Domain.Tests.DomainAssert;

namespace Slotflow.Application.Tests.Humans;

public sealed class SetAvailabilityCommandHandlerTests
{
    private Mock<IHumanRepository> _humans = null!;
    private Mock<IUnitOfWork> _unitOfWork = null!;
    private SetAvailabilityCommandHandler _handler = null!;

    [SetUp]
    public void SetUp()
    {
        _humans = new Mock<IHumanRepository>();
        _unitOfWork = new Mock<IUnitOfWork>();
        _handler = new SetAvailabilityCommandHandler(_humans.Object, _unitOfWork.Object);
    }

    [Test]
    public async Task Handle_WhenHumanExists_SetsTheRulesSavesOnceAndAnswersThemAsHourMinute()
    {
        var human = TestHumans.Ada();
        Found(human);

        var dto = await _handler.Handle(Command(human.Id), CancellationToken.None);

        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
        Assert.That(human.WorkingHours, Is.Not.Null);
        Assert.That(human.Version, Is.EqualTo(1));
        Assert.That(dto.Id, Is.EqualTo(human.Id));
        Assert.That(dto.AvailabilityRules, Is.Not.Null);
        Assert.That(dto.AvailabilityRules!.WorkingDays, Is.EqualTo(new[] { 1, 3, 5 }));
        Assert.That(dto.AvailabilityRules.WorkStart, Is.EqualTo("08:30"));
        Assert.That(dto.AvailabilityRules.WorkEnd, Is.EqualTo("24:00"));
        Assert.That(dto.AvailabilityRules.MeetingDurations, Is.EqualTo(new[] { 15, 45 }));
    }

    [Test]
    public async Task Handle_WhenHumanExists_AnswersTheHumansOwnFields()
    {
        var human = TestHumans.Ada();
        Found(human);

        var dto = await _handler.Handle(Command(human.Id), CancellationToken.None);

        Assert.That(dto.Name, Is.EqualTo(human.Name));
        Assert.That(dto.Email, Is.EqualTo(human.Email));
        Assert.That(dto.Role, Is.EqualTo(human.Role));
        Assert.That(dto.Timezone, Is.EqualTo(human.TimeZoneId));
        Assert.That(dto.Active, Is.True);
        Assert.That(dto.CreatedAt, Is.EqualTo(human.CreatedAt));
    }

    [Test]
    public void Handle_WhenHumanIsMissing_ThrowsNotFoundAndDoesNotSave()
    {
        Assert.That(async () => await _handler.Handle(Command(Guid.NewGuid()), CancellationToken.None), ThrowsDomainError(ErrorCode.NotFound));
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public void Handle_WhenRulesAreInvalid_ThrowsValidationErrorBeforeReading()
    {
        var command = Command(Guid.NewGuid()) with { MeetingDurations = [7] };

        Assert.That(async () => await _handler.Handle(command, CancellationToken.None), ThrowsDomainError(ErrorCode.ValidationError));
        _humans.Verify(h => h.FindActiveAsync(It.IsAny<Guid>(), It.IsAny<Guid>(), It.IsAny<CancellationToken>()), Times.Never);
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Handle_WhenSaveConflictsOnce_DiscardsRereadsAndSucceeds()
    {
        var human = TestHumans.Ada();
        Found(human);
        _unitOfWork.SetupSequence(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ConcurrencyConflictException(new InvalidOperationException("token changed")))
            .Returns(Task.CompletedTask);

        var dto = await ConflictRetry.Send(_handler, Command(human.Id), _unitOfWork.Object);

        Assert.That(dto.AvailabilityRules, Is.Not.Null);
        _unitOfWork.Verify(u => u.DiscardChanges(), Times.Once);
        _humans.Verify(h => h.FindActiveAsync(TestHumans.OrganizationId, human.Id, It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    private static SetAvailabilityCommand Command(Guid humanId) =>
        new(TestHumans.OrganizationId, humanId, [1, 3, 5], ClockTime.FromMinutes((8 * 60) + 30), ClockTime.FromMinutes(ClockTime.EndOfDayMinutes), [15, 45], SchedulingRules.None);

    private void Found(Human human) =>
        _humans.Setup(h => h.FindActiveAsync(TestHumans.OrganizationId, human.Id, It.IsAny<CancellationToken>())).ReturnsAsync(human);
}

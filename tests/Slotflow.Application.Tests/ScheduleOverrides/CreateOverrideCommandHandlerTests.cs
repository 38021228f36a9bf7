using Microsoft.Extensions.Time.Testing;
using Moq;
using Slotflow.Application.ScheduleOverrides;
using Slotflow.Application.ScheduleOverrides.CreateOverride;
using Slotflow.Application.Tests.Humans;
using Slotflow.Domain.Common;
using Slotflow.Domain.Humans;
using static Slotflow.Domain.Tests.DomainAssert;

namespace Slotflow.Application.Tests.ScheduleOverrides;

public sealed class CreateOverrideCommandHandlerTests
{
    private Mock<IHumanRepository> _humans = null!;
    private Mock<IUnitOfWork> _unitOfWork = null!;
    private CreateOverrideCommandHandler _handler = null!;
    private Human _human = null!;
    private CreateOverrideCommand _command = null!;

    [SetUp]
    public void SetUp()
    {
        _humans = new Mock<IHumanRepository>(MockBehavior.Strict);
        _unitOfWork = new Mock<IUnitOfWork>();
        // The handler saves inside a transaction; here it simply runs.
        _unitOfWork.Setup(u => u.InTransactionAsync(It.IsAny<Func<Task<OverrideDto>>>(), It.IsAny<CancellationToken>()))
            .Returns<Func<Task<OverrideDto>>, CancellationToken>((work, _) => work());
        _handler = new CreateOverrideCommandHandler(_humans.Object, _unitOfWork.Object, new FakeTimeProvider(TestHumans.CreatedAt));
        _human = TestHumans.Ada();
        _command = new CreateOverrideCommand(TestHumans.OrganizationId, _human.Id, OverrideType.Block, "Dentist", new DateOnly(2026, 5, 1), null, null, null);
    }

    /// <summary>The order is what makes the cap hold under concurrency: a change committed after the read bumps the token.</summary>
    [Test]
    public async Task Handle_CountsTheOverridesAfterReadingTheHuman_AndSavesOnce()
    {
        var sequence = new MockSequence();
        _humans.InSequence(sequence).Setup(h => h.FindActiveAsync(TestHumans.OrganizationId, _human.Id, It.IsAny<CancellationToken>())).ReturnsAsync(_human);
        _humans.InSequence(sequence).Setup(h => h.CountOverridesAsync(_human.Id, It.IsAny<CancellationToken>())).ReturnsAsync(Human.MaxOverrides - 1);

        var dto = await _handler.Handle(_command, CancellationToken.None);

        Assert.That(_human.Overrides.Select(o => o.Id), Is.EqualTo(new[] { dto.Id }));
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public void Handle_AtTheCap_ThrowsValidationError_AndSavesNothing()
    {
        _humans.Setup(h => h.FindActiveAsync(TestHumans.OrganizationId, _human.Id, It.IsAny<CancellationToken>())).ReturnsAsync(_human);
        _humans.Setup(h => h.CountOverridesAsync(_human.Id, It.IsAny<CancellationToken>())).ReturnsAsync(Human.MaxOverrides);

        Assert.That(async () => await _handler.Handle(_command, CancellationToken.None), ThrowsDomainError(ErrorCode.ValidationError));
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public void Handle_WhenAnotherCreateFilledTheLastPlaceFirst_DecidesAgainAndRefuses()
    {
        _humans.Setup(h => h.FindActiveAsync(TestHumans.OrganizationId, _human.Id, It.IsAny<CancellationToken>())).ReturnsAsync(() => TestHumans.Ada());
        _humans.SetupSequence(h => h.CountOverridesAsync(It.IsAny<Guid>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(Human.MaxOverrides - 1)
            .ReturnsAsync(Human.MaxOverrides);
        _unitOfWork.Setup(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ConcurrencyConflictException(new InvalidOperationException("token changed")));

        Assert.That(async () => await ConflictRetry.Send(_handler, _command, _unitOfWork.Object), ThrowsDomainError(ErrorCode.ValidationError));
        _unitOfWork.Verify(u => u.DiscardChanges(), Times.Once);
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }
}

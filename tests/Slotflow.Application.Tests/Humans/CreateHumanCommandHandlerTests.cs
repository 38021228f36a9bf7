using Microsoft.Extensions.Time.Testing;
using Moq;
using Slotflow.Application.Humans;
using Slotflow.Application.Humans.CreateHuman;
using Slotflow.Domain.Common;
using Slotflow.Domain.Humans;
using Slotflow.Domain.Organizations;
using static Slotflow.Domain.Tests.DomainAssert;

namespace Slotflow.Application.Tests.Humans;

public sealed class CreateHumanCommandHandlerTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 16, 13, 0, 0, TimeSpan.Zero);

    private Mock<IOrganizationRepository> _organizations = null!;
    private Mock<IHumanRepository> _humans = null!;
    private Mock<IUnitOfWork> _unitOfWork = null!;
    private Organization _organization = null!;
    private CreateHumanCommand _command = null!;
    private CreateHumanCommandHandler _handler = null!;

    [SetUp]
    public void SetUp()
    {
        _organizations = new Mock<IOrganizationRepository>();
        _humans = new Mock<IHumanRepository>();
        _unitOfWork = new Mock<IUnitOfWork>();
        // The handler saves inside a transaction; here it simply runs.
        _unitOfWork.Setup(u => u.InTransactionAsync(It.IsAny<Func<Task<HumanDto>>>(), It.IsAny<CancellationToken>()))
            .Returns<Func<Task<HumanDto>>, CancellationToken>((work, _) => work());
        _organization = Organization.Create("Acme", Plan.Starter, autoPurchase: false, Now);
        _organizations.Setup(o => o.FindAsync(_organization.Id, It.IsAny<CancellationToken>())).ReturnsAsync(_organization);
        _command = new CreateHumanCommand(_organization.Id, "Ada Lovelace", "America/New_York", "ada@example.com", "Engineer");
        _handler = new CreateHumanCommandHandler(_organizations.Object, _humans.Object, _unitOfWork.Object, new FakeTimeProvider(Now));
    }

    [Test]
    public async Task Handle_WhenBelowTheCap_AddsOneHumanAndSavesOnce()
    {
        ActiveHumans(4);
        Human? added = null;
        _humans.Setup(h => h.Add(It.IsAny<Human>())).Callback<Human>(h => added = h);

        var dto = await _handler.Handle(_command, CancellationToken.None);

        _humans.Verify(h => h.Add(It.IsAny<Human>()), Times.Once);
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
        Assert.That(added, Is.Not.Null);
        Assert.That(added!.OrganizationId, Is.EqualTo(_organization.Id));
        Assert.That(dto.Id, Is.EqualTo(added.Id));
    }

    [Test]
    public async Task Handle_WhenCreated_ReturnsTheGivenFieldsAndTheClocksNow()
    {
        ActiveHumans(0);

        var dto = await _handler.Handle(_command, CancellationToken.None);

        Assert.That(dto.Name, Is.EqualTo("Ada Lovelace"));
        Assert.That(dto.Timezone, Is.EqualTo("America/New_York"));
        Assert.That(dto.Email, Is.EqualTo("ada@example.com"));
        Assert.That(dto.Role, Is.EqualTo("Engineer"));
        Assert.That(dto.Active, Is.True);
        Assert.That(dto.CreatedAt, Is.EqualTo(Now));
        Assert.That(dto.Id, Is.Not.EqualTo(Guid.Empty));
    }

    [Test]
    public async Task Handle_WhenCreated_ClaimsASeatOnTheOrganization()
    {
        ActiveHumans(0);

        await _handler.Handle(_command, CancellationToken.None);

        Assert.That(_organization.Version, Is.EqualTo(1));
    }

    [Test]
    public void Handle_WhenAtThePlanCap_ThrowsLimitReachedAndNeitherAddsNorSaves()
    {
        ActiveHumans(5);

        Assert.That(async () => await _handler.Handle(_command, CancellationToken.None), ThrowsDomainError(ErrorCode.LimitReached));
        _humans.Verify(h => h.Add(It.IsAny<Human>()), Times.Never);
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public void Handle_WhenOrganizationIsUnknown_ThrowsNotFoundAndNeitherAddsNorSaves()
    {
        var command = _command with { OrganizationId = Guid.NewGuid() };

        Assert.That(async () => await _handler.Handle(command, CancellationToken.None), ThrowsDomainError(ErrorCode.NotFound));
        _humans.Verify(h => h.Add(It.IsAny<Human>()), Times.Never);
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Handle_WhenSaveConflictsOnce_DiscardsRereadsAndSucceeds()
    {
        ActiveHumans(0);
        _unitOfWork.SetupSequence(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ConcurrencyConflictException(new InvalidOperationException("token changed")))
            .Returns(Task.CompletedTask);

        var dto = await ConflictRetry.Send(_handler, _command, _unitOfWork.Object);

        Assert.That(dto.Name, Is.EqualTo("Ada Lovelace"));
        _unitOfWork.Verify(u => u.DiscardChanges(), Times.Once);
        _organizations.Verify(o => o.FindAsync(_organization.Id, It.IsAny<CancellationToken>()), Times.Exactly(2));
        _humans.Verify(h => h.CountActiveAsync(_organization.Id, It.IsAny<CancellationToken>()), Times.Exactly(2));
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Test]
    public void Handle_WhenSaveConflictsAndTheRereadCountReachesTheCap_ThrowsLimitReached()
    {
        _humans.SetupSequence(h => h.CountActiveAsync(_organization.Id, It.IsAny<CancellationToken>()))
            .ReturnsAsync(4)
            .ReturnsAsync(5);
        _unitOfWork.Setup(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ConcurrencyConflictException(new InvalidOperationException("token changed")));

        Assert.That(async () => await ConflictRetry.Send(_handler, _command, _unitOfWork.Object), ThrowsDomainError(ErrorCode.LimitReached));
        _unitOfWork.Verify(u => u.DiscardChanges(), Times.Once);
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    private void ActiveHumans(int count) =>
        _humans.Setup(h => h.CountActiveAsync(_organization.Id, It.IsAny<CancellationToken>())).ReturnsAsync(count);
}

using Moq;
using Slotflow.Application.Humans;
using Slotflow.Application.Humans.DeleteHuman;
using Slotflow.Domain.Common;
using Slotflow.Domain.Humans;
using static Slotflow.Domain.Tests.DomainAssert;

namespace Slotflow.Application.Tests.Humans;

public sealed class DeleteHumanCommandHandlerTests
{
    private Mock<IHumanRepository> _humans = null!;
    private Mock<IUnitOfWork> _unitOfWork = null!;
    private DeleteHumanCommandHandler _handler = null!;

    [SetUp]
    public void SetUp()
    {
        _humans = new Mock<IHumanRepository>();
        _unitOfWork = new Mock<IUnitOfWork>();
        _handler = new DeleteHumanCommandHandler(_humans.Object, _unitOfWork.Object);
    }

    [Test]
    public async Task Handle_WhenHumanExists_DeactivatesSavesOnceAndAnswersDeleted()
    {
        var human = TestHumans.Ada();
        _humans.Setup(h => h.FindActiveAsync(TestHumans.OrganizationId, human.Id, It.IsAny<CancellationToken>())).ReturnsAsync(human);

        var dto = await _handler.Handle(new DeleteHumanCommand(TestHumans.OrganizationId, human.Id), CancellationToken.None);

        Assert.That(dto, Is.EqualTo(new DeletedDto(true, human.Id)));
        Assert.That(human.Active, Is.False);
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public void Handle_WhenHumanIsMissing_ThrowsNotFoundAndDoesNotSave()
    {
        var command = new DeleteHumanCommand(TestHumans.OrganizationId, Guid.NewGuid());

        Assert.That(async () => await _handler.Handle(command, CancellationToken.None), ThrowsDomainError(ErrorCode.NotFound));
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public void Handle_WhenHumanBelongsToAnotherOrganization_ThrowsNotFound()
    {
        var human = TestHumans.Ada();
        _humans.Setup(h => h.FindActiveAsync(TestHumans.OrganizationId, human.Id, It.IsAny<CancellationToken>())).ReturnsAsync(human);
        var command = new DeleteHumanCommand(Guid.NewGuid(), human.Id);

        Assert.That(async () => await _handler.Handle(command, CancellationToken.None), ThrowsDomainError(ErrorCode.NotFound));
        Assert.That(human.Active, Is.True);
    }
}

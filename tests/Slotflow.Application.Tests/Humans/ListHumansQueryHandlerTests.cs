using Moq;
using Slotflow.Application.Humans;
using Slotflow.Application.Humans.ListHumans;
using Slotflow.Domain.Humans;

namespace Slotflow.Application.Tests.Humans;

public sealed class ListHumansQueryHandlerTests
{
    private Mock<IHumanRepository> _humans = null!;
    private ListHumansQueryHandler _handler = null!;

    [SetUp]
    public void SetUp()
    {
        _humans = new Mock<IHumanRepository>();
        _handler = new ListHumansQueryHandler(_humans.Object);
    }

    [Test]
    public async Task Handle_WhenHumansExist_AnswersEachInOrderWithTheTotal()
    {
        var ada = TestHumans.Ada();
        var grace = Human.Create(TestHumans.OrganizationId, "Grace Hopper", "America/New_York", null, null, TestHumans.CreatedAt);
        Listed(ada, grace);

        var list = await _handler.Handle(new ListHumansQuery(TestHumans.OrganizationId), CancellationToken.None);

        Assert.That(list.Total, Is.EqualTo(2));
        Assert.That(list.Humans, Is.EqualTo(new[]
        {
            new HumanDto(ada.Id, "Ada Lovelace", "ada@example.com", "Engineer", "Europe/London", true, TestHumans.CreatedAt),
            new HumanDto(grace.Id, "Grace Hopper", null, null, "America/New_York", true, TestHumans.CreatedAt),
        }));
    }

    [Test]
    public async Task Handle_WhenNoHumans_AnswersAnEmptyListWithTotalZero()
    {
        Listed();

        var list = await _handler.Handle(new ListHumansQuery(TestHumans.OrganizationId), CancellationToken.None);

        Assert.That(list.Humans, Is.Empty);
        Assert.That(list.Total, Is.Zero);
    }

    [Test]
    public async Task Handle_Always_ListsTheCallersOrganization()
    {
        var otherOrganization = Guid.NewGuid();
        _humans.Setup(h => h.ListActiveAsync(It.IsAny<Guid>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);

        await _handler.Handle(new ListHumansQuery(otherOrganization), CancellationToken.None);

        _humans.Verify(h => h.ListActiveAsync(otherOrganization, It.IsAny<CancellationToken>()), Times.Once);
        _humans.Verify(h => h.ListActiveAsync(TestHumans.OrganizationId, It.IsAny<CancellationToken>()), Times.Never);
    }

    private void Listed(params Human[] humans) =>
        _humans.Setup(h => h.ListActiveAsync(TestHumans.OrganizationId, It.IsAny<CancellationToken>())).ReturnsAsync(humans);
}

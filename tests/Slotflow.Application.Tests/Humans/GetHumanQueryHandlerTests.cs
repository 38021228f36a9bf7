using Moq;
using Slotflow.Application.Humans;
using Slotflow.Application.Humans.GetHuman;
using Slotflow.Domain.Common;
using Slotflow.Domain.Humans;
using static Slotflow.Domain.Tests.DomainAssert;

namespace Slotflow.Application.Tests.Humans;

public sealed class GetHumanQueryHandlerTests
{
    private Mock<IHumanRepository> _humans = null!;
    private GetHumanQueryHandler _handler = null!;

    [SetUp]
    public void SetUp()
    {
        _humans = new Mock<IHumanRepository>();
        _handler = new GetHumanQueryHandler(_humans.Object);
    }

    [Test]
    public async Task Handle_WhenHumanHasNoRules_AnswersItsFieldsWithNullRules()
    {
        var human = Readable(TestHumans.Ada());

        var dto = await _handler.Handle(new GetHumanQuery(TestHumans.OrganizationId, human.Id), CancellationToken.None);

        Assert.That(dto, Is.EqualTo(new HumanDetailsDto(
            human.Id, "Ada Lovelace", "ada@example.com", "Engineer", "Europe/London", true, TestHumans.CreatedAt, null)));
    }

    [Test]
    public async Task Handle_WhenHumanHasRules_AnswersThemWithHourMinuteTimes()
    {
        var human = Readable(TestHumans.WithRules());

        var dto = await _handler.Handle(new GetHumanQuery(TestHumans.OrganizationId, human.Id), CancellationToken.None);

        var rules = dto.AvailabilityRules;
        Assert.That(rules, Is.Not.Null);
        Assert.That(rules!.WorkingDays, Is.EqualTo(new[] { 1, 2, 3, 4, 5 }));
        Assert.That(rules.WorkStart, Is.EqualTo("09:00"));
        Assert.That(rules.WorkEnd, Is.EqualTo("24:00"));
        Assert.That(rules.MeetingDurations, Is.EqualTo(new[] { 30, 60 }));
    }

    [Test]
    public void Handle_WhenHumanIsMissing_ThrowsNotFound() =>
        Assert.That(
            async () => await _handler.Handle(new GetHumanQuery(TestHumans.OrganizationId, Guid.NewGuid()), CancellationToken.None),
            ThrowsDomainError(ErrorCode.NotFound));

    [Test]
    public void Handle_WhenHumanBelongsToAnotherOrganization_ThrowsNotFound()
    {
        var human = Readable(TestHumans.Ada());

        Assert.That(
            async () => await _handler.Handle(new GetHumanQuery(Guid.NewGuid(), human.Id), CancellationToken.None),
            ThrowsDomainError(ErrorCode.NotFound));
    }

    private Human Readable(Human human)
    {
        _humans.Setup(h => h.ReadActiveAsync(TestHumans.OrganizationId, human.Id, It.IsAny<CancellationToken>())).ReturnsAsync(human);
        return human;
    }
}

using Microsoft.Extensions.Time.Testing;
using Moq;
using Slotflow.Application.Organizations.CreateOrganization;
using Slotflow.Domain.Common;
using Slotflow.Domain.Organizations;
using static Slotflow.Domain.Tests.DomainAssert;

namespace Slotflow.Application.Tests.Organizations;

public sealed class CreateOrganizationCommandHandlerTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 16, 13, 0, 0, TimeSpan.Zero);

    private Mock<IOrganizationRepository> _organizations = null!;
    private Mock<IUnitOfWork> _unitOfWork = null!;
    private CreateOrganizationCommandHandler _handler = null!;
    private Organization? _added;

    [SetUp]
    public void SetUp()
    {
        _added = null;
        _organizations = new Mock<IOrganizationRepository>();
        _organizations.Setup(o => o.Add(It.IsAny<Organization>())).Callback<Organization>(o => _added = o);
        _unitOfWork = new Mock<IUnitOfWork>();
        _handler = new CreateOrganizationCommandHandler(_organizations.Object, _unitOfWork.Object, new FakeTimeProvider(Now));
    }

    [Test]
    public async Task Handle_WhenValid_AddsTheOrganizationAndSavesOnce()
    {
        var dto = await _handler.Handle(new CreateOrganizationCommand("Acme", Plan.Starter, AutoPurchase: true), CancellationToken.None);

        _organizations.Verify(o => o.Add(It.IsAny<Organization>()), Times.Once);
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
        Assert.That(_added, Is.Not.Null);
        Assert.That(_added!.Id, Is.EqualTo(dto.Id));
        Assert.That(_added.Plan, Is.EqualTo(Plan.Starter));
        Assert.That(_added.AutoPurchase, Is.True);
    }

    [Test]
    public async Task Handle_WhenValid_AnswersTheWireFieldsAndTheClocksNow()
    {
        var dto = await _handler.Handle(new CreateOrganizationCommand("Acme", Plan.Growth, AutoPurchase: false), CancellationToken.None);

        Assert.That(dto.Name, Is.EqualTo("Acme"));
        Assert.That(dto.Plan, Is.EqualTo("growth"));
        Assert.That(dto.AutoPurchase, Is.False);
        Assert.That(dto.CreatedAt, Is.EqualTo(Now));
    }

    [Test]
    public async Task Handle_WhenValid_ReturnsThePlaintextKeyAndStoresOnlyItsHash()
    {
        var dto = await _handler.Handle(new CreateOrganizationCommand("Acme", Plan.Free, AutoPurchase: false), CancellationToken.None);

        Assert.That(dto.ApiKey, Does.Match("^sk_live_[a-z0-9]{32}$"));
        var key = _added!.ApiKeys.Single();
        Assert.That(key.Name, Is.EqualTo(CreateOrganizationCommandHandler.FirstKeyName));
        Assert.That(key.Hash, Is.EqualTo(ApiKeySecret.Hash(dto.ApiKey)));
        Assert.That(new[] { key.Name, key.Prefix, key.Hash }, Has.None.Contains(dto.ApiKey[12..]));
    }

    [Test]
    public async Task Handle_WhenCalledTwice_IssuesDifferentKeys()
    {
        var first = await _handler.Handle(new CreateOrganizationCommand("Acme", Plan.Free, AutoPurchase: false), CancellationToken.None);
        var second = await _handler.Handle(new CreateOrganizationCommand("Acme", Plan.Free, AutoPurchase: false), CancellationToken.None);

        Assert.That(second.ApiKey, Is.Not.EqualTo(first.ApiKey));
        Assert.That(second.Id, Is.Not.EqualTo(first.Id));
    }

    /// <summary>An unknown plan never reaches the handler: the request's validator names it (CreateOrganizationRequestValidatorTests).</summary>
    [Test]
    public void Handle_WhenThePlanRefusesAutoPurchase_ThrowsValidationErrorAndAddsNothing()
    {
        var command = new CreateOrganizationCommand("Acme", Plan.Free, AutoPurchase: true);

        Assert.That(async () => await _handler.Handle(command, CancellationToken.None), ThrowsDomainError(ErrorCode.ValidationError));
        _organizations.Verify(o => o.Add(It.IsAny<Organization>()), Times.Never);
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }
}

using Mediator;
using Moq;
using Slotflow.Application.Bookings;
using Slotflow.Application.Bookings.CreateBooking;
using Slotflow.Application.Common;
using Slotflow.Application.Humans;
using Slotflow.Application.Humans.CreateHuman;
using Slotflow.Application.Humans.ListHumans;
using Slotflow.Domain.Common;

namespace Slotflow.Application.Tests.Common;

public sealed class ConflictRetryBehaviorTests
{
    private static readonly CreateHumanCommand Command = new(Guid.NewGuid(), "Ada", "Europe/London", null, null);
    private static readonly HumanDto Response = new(Guid.NewGuid(), "Ada", null, null, "Europe/London", true, DateTimeOffset.UnixEpoch);

    private Mock<IUnitOfWork> _unitOfWork = null!;
    private int _calls;

    [SetUp]
    public void SetUp()
    {
        _unitOfWork = new Mock<IUnitOfWork>();
        _calls = 0;
    }

    [Test]
    public async Task ACommandThatLostARace_IsDiscardedAndDecidedAgain()
    {
        var behavior = new ConflictRetryBehavior<CreateHumanCommand, HumanDto>(_unitOfWork.Object);

        var response = await behavior.Handle(Command, ConflictsFirst<CreateHumanCommand, HumanDto>(times: 3, Response), CancellationToken.None);

        Assert.That(response, Is.SameAs(Response));
        Assert.That(_calls, Is.EqualTo(4));
        _unitOfWork.Verify(u => u.DiscardChanges(), Times.Exactly(3));
    }

    [Test]
    public void ACommandThatKeepsLosing_GivesUpAfterTheBackstop_WithTheConflict()
    {
        var behavior = new ConflictRetryBehavior<CreateHumanCommand, HumanDto>(_unitOfWork.Object);

        Assert.That(
            async () => await behavior.Handle(Command, ConflictsFirst<CreateHumanCommand, HumanDto>(times: int.MaxValue, Response), CancellationToken.None),
            Throws.TypeOf<ConcurrencyConflictException>());
        Assert.That(_calls, Is.EqualTo(ConflictRetryBehavior<CreateHumanCommand, HumanDto>.MaxDecisions));
    }

    [Test]
    public void AnyOtherFailure_IsNotRetried()
    {
        var behavior = new ConflictRetryBehavior<CreateHumanCommand, HumanDto>(_unitOfWork.Object);

        Assert.That(
            async () => await behavior.Handle(Command, (_, _) => { _calls++; throw DomainException.NotFound("Human"); }, CancellationToken.None),
            Throws.TypeOf<DomainException>());
        Assert.That(_calls, Is.EqualTo(1));
        _unitOfWork.Verify(u => u.DiscardChanges(), Times.Never);
    }

    [Test]
    public void AQuery_PassesThroughOnce()
    {
        var behavior = new ConflictRetryBehavior<ListHumansQuery, HumanListDto>(_unitOfWork.Object);

        Assert.That(
            async () => await behavior.Handle(new ListHumansQuery(Guid.NewGuid()), ConflictsFirst<ListHumansQuery, HumanListDto>(times: 1, null!), CancellationToken.None),
            Throws.TypeOf<ConcurrencyConflictException>());
        Assert.That(_calls, Is.EqualTo(1));
    }

    private MessageHandlerDelegate<TMessage, TResponse> ConflictsFirst<TMessage, TResponse>(int times, TResponse response)
        where TMessage : IMessage =>
        (_, _) => ++_calls <= times
            ? throw new ConcurrencyConflictException(new InvalidOperationException("token changed"))
            : ValueTask.FromResult(response);
}

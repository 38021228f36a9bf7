using FluentValidation;
using Slotflow.Application.Common;
using Slotflow.Application.Humans;
using Slotflow.Application.Humans.CreateHuman;

namespace Slotflow.Application.Tests.Common;

public sealed class ValidationBehaviorTests
{
    private static readonly CreateHumanCommand ValidCommand = new(Guid.NewGuid(), "Ada", "Europe/London", null, null);
    private static readonly HumanDto Response = new(Guid.NewGuid(), "Ada", null, null, "Europe/London", true, DateTimeOffset.UnixEpoch);

    private int _nextCalls;

    [SetUp]
    public void SetUp() => _nextCalls = 0;

    [Test]
    public async Task Handle_WhenMessageIsValid_CallsNextOnceAndReturnsItsResponse()
    {
        var behavior = new ValidationBehavior<CreateHumanCommand, HumanDto>([new CreateHumanCommandValidator()]);

        var response = await behavior.Handle(ValidCommand, Next, CancellationToken.None);

        Assert.That(response, Is.SameAs(Response));
        Assert.That(_nextCalls, Is.EqualTo(1));
    }

    [Test]
    public async Task Handle_WhenThereAreNoValidators_CallsNextOnce()
    {
        var behavior = new ValidationBehavior<CreateHumanCommand, HumanDto>([]);

        await behavior.Handle(ValidCommand, Next, CancellationToken.None);

        Assert.That(_nextCalls, Is.EqualTo(1));
    }

    [Test]
    public void Handle_WhenMessageIsInvalid_ThrowsValidationExceptionNamingTheFieldAndNeverCallsNext()
    {
        var behavior = new ValidationBehavior<CreateHumanCommand, HumanDto>([new CreateHumanCommandValidator()]);
        var invalid = ValidCommand with { Timezone = "America/San_Francisco" };

        var exception = Assert.ThrowsAsync<ValidationException>(async () => await behavior.Handle(invalid, Next, CancellationToken.None));

        Assert.That(exception?.Errors.Select(e => e.PropertyName), Is.EqualTo(new[] { "timezone" }));
        Assert.That(_nextCalls, Is.Zero);
    }

    [Test]
    public void Handle_WhenALaterValidatorRefuses_ThrowsAndNeverCallsNext()
    {
        var refuseAll = new InlineValidator<CreateHumanCommand>();
        refuseAll.RuleFor(c => c.Role).NotNull();
        var behavior = new ValidationBehavior<CreateHumanCommand, HumanDto>([new CreateHumanCommandValidator(), refuseAll]);

        Assert.That(async () => await behavior.Handle(ValidCommand, Next, CancellationToken.None), Throws.TypeOf<ValidationException>());
        Assert.That(_nextCalls, Is.Zero);
    }

    private ValueTask<HumanDto> Next(CreateHumanCommand message, CancellationToken cancellationToken)
    {
        _nextCalls++;
        return ValueTask.FromResult(Response);
    }
}

using Mediator;
using Slotflow.Application.Common;
using Slotflow.Domain.Common;

namespace Slotflow.Application.Tests;

/// <summary>Sends a command to its handler behind the mediator's conflict retry, as a request reaches it.</summary>
internal static class ConflictRetry
{
    public static ValueTask<TResponse> Send<TCommand, TResponse>(ICommandHandler<TCommand, TResponse> handler, TCommand command, IUnitOfWork unitOfWork)
        where TCommand : ICommand<TResponse> =>
        new ConflictRetryBehavior<TCommand, TResponse>(unitOfWork).Handle(command, (message, ct) => handler.Handle(message, ct), CancellationToken.None);
}

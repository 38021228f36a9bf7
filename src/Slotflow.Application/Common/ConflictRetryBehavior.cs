using Mediator;
using Slotflow.Domain.Common;

namespace Slotflow.Application.Common;

/// <summary>
/// The one retry loop for writes: a command whose save lost a race (a concurrency token moved, a row it relies on
/// changed, a transient fault) is decided again from fresh reads, so a lost race is answered by the rules (402, 409,
/// …) rather than by an error. Queries pass through. The unit of work runs the provider's execution strategy once per
/// decision and does not retry on its own. Commands that take calendar time bound their own re-decisions
/// (<see cref="BoundedRedecision"/>), so no conflict reaches this from them.
/// </summary>
public sealed class ConflictRetryBehavior<TMessage, TResponse>(IUnitOfWork unitOfWork) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    /// <summary>Each conflict means another request committed, so decisions are bounded by the writers racing; this is a backstop.</summary>
    public const int MaxDecisions = 50;

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is not IBaseCommand)
        {
            return await next(message, cancellationToken);
        }

        for (var decision = 1; ; decision++)
        {
            try
            {
                return await next(message, cancellationToken);
            }
            catch (ConcurrencyConflictException) when (decision < MaxDecisions)
            {
                unitOfWork.DiscardChanges();
            }
        }
    }
}

using Mediator;

namespace Slotflow.Domain.Common;

/// <summary>Something that happened to an aggregate; handled in the same transaction that records it.</summary>
public interface IDomainEvent : INotification;

namespace Conversations.Grains.Interfaces.Merging;

/// <summary>
/// MRG-1: merges tickets or chats of the same property into the ticket that receives the command (the survivor).
/// <see cref="MergeId"/> is the idempotency key: a retried merge with the same id does nothing twice.
/// </summary>
[GenerateSerializer, Immutable, Alias("Conversations.MergeIntoTicket")]
public sealed record MergeIntoTicket(
    [property: Id(0)] string PropertyId,
    [property: Id(1)] string MergeId,
    [property: Id(2)] IReadOnlyList<Guid> SourceIds);

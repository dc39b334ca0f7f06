namespace Conversations.Grains.Interfaces.Merging;

/// <summary>
/// MRG-1 split: moves the messages with <see cref="Sequences"/> out of the ticket into a new ticket, linked both ways.
/// <see cref="SplitId"/> is the idempotency key (the new ticket's id is derived from it).
/// </summary>
[GenerateSerializer, Immutable, Alias("Conversations.SplitTicket")]
public sealed record SplitTicket(
    [property: Id(0)] string PropertyId,
    [property: Id(1)] string SplitId,
    [property: Id(2)] IReadOnlyList<long> Sequences,
    [property: Id(3)] string? Subject);

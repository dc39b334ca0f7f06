namespace Conversations.Grains.Interfaces.Tickets;

/// <summary>
/// An agent's reply (TIC-2), optionally with a status change in the same step (TIC-3: Send &amp; mark
/// open/pending/closed). <see cref="CommandId"/> is an idempotency key for both together.
/// </summary>
[GenerateSerializer, Immutable, Alias("Conversations.ReplyToTicket")]
public sealed record ReplyToTicket(
    [property: Id(0)] string PropertyId,
    [property: Id(1)] string CommandId,
    [property: Id(2)] string AgentId,
    [property: Id(3)] string AgentName,
    [property: Id(4)] string Text,
    [property: Id(5)] TicketStatus? SetStatus);

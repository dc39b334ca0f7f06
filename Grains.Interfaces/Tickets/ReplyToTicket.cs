using Conversations.Grains.Interfaces.Common;

namespace Conversations.Grains.Interfaces.Tickets;

/// <summary>
/// An agent's reply (TIC-2), optionally with a status change in the same step (TIC-3: Send &amp; mark
/// open/pending/closed). <see cref="CommandId"/> is an idempotency key for both together. <see cref="Attachments"/>
/// were uploaded before (stored under the ticket) and go out with the reply's email.
/// </summary>
[GenerateSerializer, Immutable, Alias("Conversations.ReplyToTicket")]
public sealed record ReplyToTicket(
    [property: Id(0)] string PropertyId,
    [property: Id(1)] string CommandId,
    [property: Id(2)] string AgentId,
    [property: Id(3)] string AgentName,
    [property: Id(4)] string Text,
    [property: Id(5)] TicketStatus? SetStatus,
    [property: Id(6)] IReadOnlyList<MessageAttachment>? Attachments = null);

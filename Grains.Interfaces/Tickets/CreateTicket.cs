using Conversations.Grains.Interfaces.Common;

namespace Conversations.Grains.Interfaces.Tickets;

/// <summary>
/// Opens a ticket under a client-chosen id; repeating it with the same values returns the ticket.
/// <see cref="Text"/>, when given, becomes the requester's first message. <see cref="PreviousTicketId"/>
/// links a follow-up to the closed ticket it continues (TIC-5). A requester without a visitor id is linked to the visitor
/// profile of their address (VIS-1, VIS-5); <see cref="RequesterByEmail"/> says that the requester writes by email even
/// though the visitor id is given (the inbound mail's follow-up of a ticket).
/// </summary>
[GenerateSerializer, Immutable, Alias("Conversations.CreateTicket")]
public sealed record CreateTicket(
    [property: Id(0)] string PropertyId,
    [property: Id(1)] string Subject,
    [property: Id(2)] TicketRequester Requester,
    [property: Id(3)] TicketPriority Priority,
    [property: Id(4)] string? Text,
    [property: Id(5)] Guid? PreviousTicketId = null,
    [property: Id(6)] IReadOnlyList<MessageAttachment>? Attachments = null,
    [property: Id(7)] bool RequesterByEmail = false);

using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Tickets;

namespace Conversations.Grains.Interfaces.Merging;

/// <summary>Sent by a ticket splitting itself (MRG-1): the new ticket holds <see cref="Messages"/>, renumbered from 1, authors and times kept.</summary>
[GenerateSerializer, Immutable, Alias("Conversations.CreateTicketFromSplit")]
public sealed record CreateTicketFromSplit(
    [property: Id(0)] string PropertyId,
    [property: Id(1)] Guid SourceTicketId,
    [property: Id(2)] string Subject,
    [property: Id(3)] TicketRequester Requester,
    [property: Id(4)] TicketPriority Priority,
    [property: Id(5)] IReadOnlyList<string> Tags,
    [property: Id(6)] ConversationAssignee? Assignee,
    [property: Id(7)] IReadOnlyList<ConversationMessage> Messages,
    [property: Id(8)] bool RequesterByEmail = false);

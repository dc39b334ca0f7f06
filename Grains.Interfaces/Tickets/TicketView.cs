using Conversations.Grains.Interfaces.Common;

namespace Conversations.Grains.Interfaces.Tickets;

[GenerateSerializer, Immutable, Alias("Conversations.TicketView")]
public sealed record TicketView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string PropertyId,
    [property: Id(2)] string Subject,
    [property: Id(3)] TicketRequester Requester,
    [property: Id(4)] TicketStatus Status,
    [property: Id(5)] ConversationAssignee? Assignee,
    [property: Id(6)] TicketPriority Priority,
    [property: Id(7)] IReadOnlyList<string> Tags,
    [property: Id(8)] BinState Bin,
    [property: Id(9)] long MessageCount,
    [property: Id(10)] Guid? SourceChatId,
    [property: Id(11)] DateTimeOffset CreatedAt,
    [property: Id(12)] DateTimeOffset UpdatedAt,
    [property: Id(13)] long Version,
    [property: Id(14)] Guid? PreviousTicketId = null,
    [property: Id(15)] Guid? FollowUpTicketId = null,
    [property: Id(16)] IReadOnlyList<Guid>? FollowUpTicketIds = null);

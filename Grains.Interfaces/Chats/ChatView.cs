using Conversations.Grains.Interfaces.Common;

namespace Conversations.Grains.Interfaces.Chats;

[GenerateSerializer, Immutable, Alias("Conversations.ChatView")]
public sealed record ChatView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string PropertyId,
    [property: Id(2)] string VisitorId,
    [property: Id(3)] string VisitorName,
    [property: Id(4)] ChatStatus Status,
    [property: Id(5)] long MessageCount,
    [property: Id(6)] DateTimeOffset CreatedAt,
    [property: Id(7)] DateTimeOffset UpdatedAt,
    [property: Id(8)] long Version,
    [property: Id(9)] BinState Bin,
    [property: Id(10)] IReadOnlyList<string> Tags,
    [property: Id(11)] ChatRating? Rating,
    [property: Id(12)] Guid? TicketId,
    [property: Id(13)] string? VisitorEmail,
    [property: Id(14)] ConversationAssignee? Assignee,
    [property: Id(15)] Guid? MergedIntoId = null);

using System.Text.Json.Serialization;
using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Tickets;

namespace Conversations.Grains.Interfaces.Inbox;

/// <summary>
/// One line of the inbox list (INB-3) with the fields filters and sorting use (INB-4). Title is the
/// chat's visitor name or the ticket's subject; Requester is the ticket requester's email. Priority
/// is 0 for chats. <see cref="Version"/> is the conversation's version: a row only moves forward.
/// <see cref="DueAt"/> (SLA-1) is the nearest SLA due time, joined in by the API from the SLA follower when it answers: the index
/// does not keep it (a due time moves with business hours and settings, not with the conversation's versions).
/// </summary>
[GenerateSerializer, Immutable, Alias("Conversations.InboxRow")]
public sealed record InboxRow(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string PropertyId,
    [property: Id(2)] ConversationKind Kind,
    [property: Id(3)] InboxStatus Status,
    [property: Id(4)] BinState Place,
    [property: Id(5)] string Title,
    [property: Id(6)] string? Requester,
    [property: Id(7)] AssigneeKind AssigneeKind,
    [property: Id(8)] string? AssigneeId,
    [property: Id(9)] long MessageCount,
    [property: Id(10)] DateTimeOffset CreatedAt,
    [property: Id(11)] DateTimeOffset UpdatedAt,
    [property: Id(12)] ChatRatingValue Rating,
    [property: Id(13)] int Priority,
    [property: Id(14)] IReadOnlyList<string> Tags,
    [property: Id(15)] long Version,
    [property: Id(16)] DateTimeOffset? DueAt = null)
{
    /// <summary>From creation to the latest change (for a closed chat: to its close).</summary>
    [JsonInclude]
    public TimeSpan Duration => UpdatedAt - CreatedAt;
}

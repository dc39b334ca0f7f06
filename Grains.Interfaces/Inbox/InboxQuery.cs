using Conversations.Grains.Interfaces.Tickets;

namespace Conversations.Grains.Interfaces.Inbox;

/// <summary>
/// A view, optional filters combined with AND (INB-4; Statuses and Tags match any of their values),
/// a sort, a cursor and a page size. Priorities (TIC-7) match tickets of any of the given priorities.
/// </summary>
[GenerateSerializer, Immutable, Alias("Conversations.InboxQuery")]
public sealed record InboxQuery(
    [property: Id(0)] InboxView View = InboxView.All,
    [property: Id(1)] string? Assignee = null,
    [property: Id(2)] long? MinMessages = null,
    [property: Id(3)] IReadOnlyList<InboxStatus>? Statuses = null,
    [property: Id(4)] IReadOnlyList<string>? Tags = null,
    [property: Id(5)] DateTimeOffset? UpdatedFrom = null,
    [property: Id(6)] DateTimeOffset? UpdatedTo = null,
    [property: Id(7)] InboxSort Sort = InboxSort.Updated,
    [property: Id(8)] InboxCursor? After = null,
    [property: Id(9)] int Limit = 50,
    [property: Id(10)] IReadOnlyList<TicketPriority>? Priorities = null)
{
    public const int MaxLimit = 200;
}

using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Inbox;
using Conversations.Grains.Interfaces.Tickets;

namespace Conversations.Tests.Inbox;

/// <summary>Random inbox rows and queries from a seed, shaped like a real inbox (shared tags and assignees, equal timestamps, all places).</summary>
public sealed class InboxRowGenerator(int seed)
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] TagPool = ["billing", "bug", "vip", "refund", "sales", "urgent", "login", "mobile", "api", "feedback", "spam-ish", "later"];
    private static readonly string?[] AssigneePool = [null, null, "agent-1", "agent-2", "agent-3", "agent-4", "dept-sales", "dept-support"];
    private static readonly long[] MinMessagePool = [0, 1, 2, 3, 4, 7, 10, 25, 50, 100, 150, 999, 2000];

    private readonly Random _random = new(seed);

    public Random Random => _random;

    public Guid NewId()
    {
        var bytes = new byte[16];
        _random.NextBytes(bytes);
        return new Guid(bytes);
    }

    /// <summary>A row at <paramref name="version"/>; timestamps fall on whole minutes so ties happen.</summary>
    public InboxRow Row(Guid id, long version)
    {
        var kind = _random.Next(2) == 0 ? ConversationKind.Chat : ConversationKind.Ticket;
        var created = Start.AddMinutes(_random.Next(60 * 24 * 30));
        var updated = created.AddMinutes(_random.Next(60 * 24 * 10));
        var place = _random.Next(10) switch { < 7 => BinState.Inbox, 7 => BinState.Trashed, 8 => BinState.Spam, _ => BinState.Purged };
        var assignee = kind == ConversationKind.Ticket ? AssigneePool[_random.Next(AssigneePool.Length)] : null;
        return new InboxRow(
            id, "p", kind,
            kind == ConversationKind.Chat ? (_random.Next(2) == 0 ? InboxStatus.Open : InboxStatus.Closed) : (InboxStatus)_random.Next(1, 4),
            place, $"Title {_random.Next(100000)}", kind == ConversationKind.Ticket ? $"r{_random.Next(1000)}@example.com" : null,
            assignee is null ? AssigneeKind.None : assignee.StartsWith("dept", StringComparison.Ordinal) ? AssigneeKind.Department : AssigneeKind.Agent,
            assignee, _random.Next(4) == 0 ? _random.Next(0, 1500) : _random.Next(0, 30), created, updated,
            kind == ConversationKind.Chat ? (ChatRatingValue)_random.Next(3) : ChatRatingValue.None,
            kind == ConversationKind.Ticket ? _random.Next(1, 6) : 0,
            TagPool.OrderBy(_ => _random.Next()).Take(_random.Next(4)).ToArray(), version);
    }

    /// <summary>
    /// A range boundary: a random minute, or (as a date picker gives) midnight, or the first tick of a week of the index's
    /// weeks; the index counts whole days and weeks from tallies and walks only the partial ones.
    /// </summary>
    private DateTimeOffset Boundary(DateTimeOffset at) => _random.Next(3) switch
    {
        0 => at,
        1 => new DateTimeOffset(at.UtcDateTime.Date, TimeSpan.Zero),
        _ => new DateTimeOffset(at.UtcTicks / (TimeSpan.TicksPerDay * 7) * (TimeSpan.TicksPerDay * 7), TimeSpan.Zero),
    };

    public InboxQuery Query()
    {
        DateTimeOffset? from = _random.Next(4) == 0 ? Boundary(Start.AddMinutes(_random.Next(60 * 24 * 40))) : null;
        DateTimeOffset? to = _random.Next(4) == 0 ? Boundary((from ?? Start).AddMinutes(_random.Next(60 * 24 * 20))) : null;
        return new InboxQuery(
            (InboxView)_random.Next(5),
            _random.Next(4) == 0 ? AssigneePool[_random.Next(AssigneePool.Length)] ?? "nobody" : null,
            _random.Next(3) == 0 ? MinMessagePool[_random.Next(MinMessagePool.Length)] : null,
            _random.Next(3) == 0 ? Enum.GetValues<InboxStatus>().Where(_ => _random.Next(2) == 0).ToArray() : null,
            _random.Next(3) == 0 ? TagPool.Append("unknown-tag").Where(_ => _random.Next(4) == 0).ToArray() : null,
            from, to,
            _random.Next(2) == 0 ? InboxSort.Updated : InboxSort.Priority,
            null,
            _random.Next(1, 60),
            _random.Next(4) == 0 ? Enum.GetValues<TicketPriority>().Where(_ => _random.Next(2) == 0).ToArray() : null);
    }
}

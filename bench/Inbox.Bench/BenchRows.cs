using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Inbox;
using Conversations.Grains.Interfaces.Tickets;

namespace Conversations.Inbox.Bench;

/// <summary>
/// A year of a busy property: 60% chats, 40% tickets; 80% in the inbox, 10% Trash, 9% Spam, 1% purged;
/// 40 tags (a few popular), 60 agents and 8 departments, message counts skewed small.
/// </summary>
public sealed class BenchRows(int seed)
{
    public static readonly DateTimeOffset End = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    public readonly string[] Tags = Enumerable.Range(0, 40).Select(i => $"tag-{i}").ToArray();
    public readonly string[] Agents = Enumerable.Range(0, 60).Select(_ => Guid.NewGuid().ToString()).ToArray();
    public readonly string[] Departments = Enumerable.Range(0, 8).Select(i => $"dept-{i}").ToArray();

    private readonly Random _random = new(seed);

    public InboxRow Next()
    {
        var bytes = new byte[16];
        _random.NextBytes(bytes);
        var chat = _random.NextDouble() < 0.6;
        var updated = End.AddSeconds(-_random.Next(365 * 24 * 3600));
        var created = updated.AddSeconds(-_random.Next(chat ? 3600 : 7 * 24 * 3600));
        var roll = _random.Next(100);
        var place = roll < 80 ? BinState.Inbox : roll < 90 ? BinState.Trashed : roll < 99 ? BinState.Spam : BinState.Purged;
        var assignee = chat || _random.Next(5) == 0 ? null
            : _random.Next(4) == 0 ? new ConversationAssignee(AssigneeKind.Department, Departments[_random.Next(Departments.Length)])
            : new ConversationAssignee(AssigneeKind.Agent, Agents[_random.Next(Agents.Length)]);
        var tags = Enumerable.Range(0, _random.Next(4)).Select(_ => Tags[Math.Min(_random.Next(40), _random.Next(40))]).Distinct().ToArray();
        return new InboxRow(
            new Guid(bytes), "bench", chat ? ConversationKind.Chat : ConversationKind.Ticket,
            chat ? (_random.Next(3) == 0 ? InboxStatus.Open : InboxStatus.Closed) : (InboxStatus)_random.Next(1, 4),
            place, chat ? $"Visitor {_random.Next(1_000_000)}" : $"Order {_random.Next(100_000)} has not arrived",
            chat ? null : $"customer{_random.Next(1_000_000)}@example.com",
            assignee?.Kind ?? AssigneeKind.None, assignee?.Id, (long)(Math.Pow(_random.NextDouble(), 3) * 200) + 1, created, updated,
            chat ? (ChatRatingValue)_random.Next(3) : ChatRatingValue.None, chat ? 0 : _random.Next(1, 6), tags, _random.Next(1, 30));
    }
}

using Conversations.Grains.Interfaces.Inbox;

namespace Conversations.Inbox.Bench;

/// <summary>The filter combinations every run asks for, over the rows <see cref="BenchRows"/> makes.</summary>
public static class BenchCombos
{
    public static (string Name, InboxQuery Query)[] Of(BenchRows rows)
    {
        var end = BenchRows.End;
        return
        [
            ("All, newest first", new InboxQuery()),
            ("Chats, open", new InboxQuery(InboxView.Chats, Statuses: [InboxStatus.Open])),
            ("Tickets, open+pending, by priority", new InboxQuery(InboxView.Tickets, Statuses: [InboxStatus.Open, InboxStatus.Pending], Sort: InboxSort.Priority)),
            ("Assigned to one agent", new InboxQuery(Assignee: rows.Agents[3])),
            ("Tags: any of two", new InboxQuery(Tags: [rows.Tags[5], rows.Tags[30]])),
            ("At least 7 messages", new InboxQuery(MinMessages: 7)),
            ("Updated in the last 7 days", new InboxQuery(UpdatedFrom: end.AddDays(-7), UpdatedTo: end)),
            ("Agent + open + tag + ≥2 messages", new InboxQuery(InboxView.Tickets, rows.Agents[10], 2, [InboxStatus.Open], [rows.Tags[1]])),
            ("Trash, by priority", new InboxQuery(InboxView.Trash, Sort: InboxSort.Priority)),
            ("Spam, updated in March", new InboxQuery(InboxView.Spam, UpdatedFrom: new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), UpdatedTo: new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero))),
        ];
    }
}

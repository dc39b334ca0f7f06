using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Inbox;

namespace Conversations.Tests.Inbox;

/// <summary>The meaning of an inbox query in plain LINQ over the latest row of each conversation: what the index must agree with.</summary>
public static class InboxReference
{
    public static List<InboxRow> All(IEnumerable<InboxRow> latest, InboxQuery q)
    {
        var matching = latest.Where(r => InView(r, q.View)
            && (q.Assignee is null || r.AssigneeId == q.Assignee)
            && (q.MinMessages is not { } min || r.MessageCount >= min)
            && (q.Statuses is not { Count: > 0 } statuses || statuses.Contains(r.Status))
            && (q.Priorities is not { Count: > 0 } priorities || priorities.Any(p => (int)p == r.Priority))
            && (q.Tags is not { Count: > 0 } tags || r.Tags.Any(tags.Contains))
            && (q.UpdatedFrom is not { } from || r.UpdatedAt >= from)
            && (q.UpdatedTo is not { } to || r.UpdatedAt <= to));
        return matching
            .OrderByDescending(r => q.Sort == InboxSort.Priority ? r.Priority : 0)
            .ThenByDescending(r => r.UpdatedAt.UtcTicks)
            .ThenBy(r => r.Id)
            .ToList();
    }

    /// <summary>The rows strictly after the cursor in the same order.</summary>
    public static IEnumerable<InboxRow> After(List<InboxRow> ordered, InboxCursor? cursor, InboxSort sort) =>
        cursor is null ? ordered : ordered.SkipWhile(r => !IsAfter(r, cursor, sort));

    private static bool IsAfter(InboxRow r, InboxCursor c, InboxSort sort)
    {
        var p = sort == InboxSort.Priority ? r.Priority : 0;
        if (p != c.Priority)
        {
            return p < c.Priority;
        }

        return r.UpdatedAt.UtcTicks != c.UpdatedTicks ? r.UpdatedAt.UtcTicks < c.UpdatedTicks : r.Id.CompareTo(c.Id) > 0;
    }

    private static bool InView(InboxRow r, InboxView view) => view switch
    {
        InboxView.Trash => r.Place == BinState.Trashed,
        InboxView.Spam => r.Place == BinState.Spam,
        InboxView.Chats => r.Place == BinState.Inbox && r.Kind == ConversationKind.Chat,
        InboxView.Tickets => r.Place == BinState.Inbox && r.Kind == ConversationKind.Ticket,
        _ => r.Place == BinState.Inbox,
    };
}

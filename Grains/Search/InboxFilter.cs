using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Inbox;

namespace Conversations.Grains.Search;

/// <summary>
/// The inbox filters (INB-4) as a test of one row, with the inbox's meaning: the view's place and kind, then every given
/// filter (statuses, priorities and tags match any of their values).
/// </summary>
public sealed class InboxFilter(InboxQuery query)
{
    private readonly BinState _place = query.View switch
    {
        InboxView.Trash => BinState.Trashed,
        InboxView.Spam => BinState.Spam,
        _ => BinState.Inbox,
    };

    private readonly ConversationKind? _kind = query.View switch
    {
        InboxView.Chats => ConversationKind.Chat,
        InboxView.Tickets => ConversationKind.Ticket,
        _ => null,
    };

    private readonly HashSet<InboxStatus>? _statuses = query.Statuses is { Count: > 0 } s ? [.. s] : null;

    private readonly HashSet<int>? _priorities = query.Priorities is { Count: > 0 } p ? [.. p.Select(x => (int)x)] : null;

    private readonly HashSet<string>? _tags = query.Tags is { Count: > 0 } t ? new(t, StringComparer.OrdinalIgnoreCase) : null;

    public bool Matches(InboxRow row) =>
        row.Place == _place
        && (_kind is null || row.Kind == _kind)
        && (_statuses is null || _statuses.Contains(row.Status))
        && (_priorities is null || _priorities.Contains(row.Priority))
        && (string.IsNullOrEmpty(query.Assignee) || string.Equals(row.AssigneeId, query.Assignee, StringComparison.Ordinal))
        && (query.MinMessages is not > 0 || row.MessageCount >= query.MinMessages)
        && (query.UpdatedFrom is null || row.UpdatedAt >= query.UpdatedFrom)
        && (query.UpdatedTo is null || row.UpdatedAt <= query.UpdatedTo)
        && (_tags is null || HasAnyTag(row.Tags));

    // A loop, not Any(_tags.Contains): this runs for every conversation a search looks at, and a method group allocates.
    private bool HasAnyTag(IReadOnlyList<string> tags)
    {
        for (var i = 0; i < tags.Count; i++)
        {
            if (_tags!.Contains(tags[i]))
            {
                return true;
            }
        }

        return false;
    }
}

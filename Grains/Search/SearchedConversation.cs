using Conversations.Grains.Interfaces.Inbox;

namespace Conversations.Grains.Search;

/// <summary>
/// What the search grain holds of one conversation: its inbox row (for the filters and the hit's title; not known yet for
/// a conversation restored from a snapshot until the sweep reads the inbox), the version it has followed up to and how many
/// of its messages are in the index.
/// </summary>
internal sealed class SearchedConversation(InboxRow? row)
{
    public InboxRow? Row { get; set; } = row;

    public long Version { get; set; }

    public long IndexedMessages { get; set; }

    public bool FieldsIndexed { get; set; }
}

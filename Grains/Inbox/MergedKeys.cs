using Conversations.Grains.Interfaces.Inbox;

namespace Conversations.Grains.Inbox;

/// <summary>The keys of one merged page in list order, the total over all shards, and the next page's cursor (null on the last).</summary>
public sealed record MergedKeys(IReadOnlyList<InboxCursor> Keys, long Total, InboxCursor? Next);

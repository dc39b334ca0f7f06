namespace Conversations.Grains.Interfaces.Inbox;

/// <summary>
/// A shard's answer to a query: the sort keys of up to Limit + 1 matching rows after the cursor, in list order,
/// and how many of its rows match. The inbox merges the shards' keys and reads only the rows it keeps.
/// <see cref="LeadingRows"/> holds the rows of the first few keys, the share of a page a shard usually
/// contributes, so most pages need no second round.
/// </summary>
[GenerateSerializer, Immutable, Alias("Conversations.InboxKeyPage")]
public sealed record InboxKeyPage(
    [property: Id(0)] IReadOnlyList<InboxCursor> Keys,
    [property: Id(1)] long Total,
    [property: Id(2)] IReadOnlyList<InboxRow>? LeadingRows = null);

namespace Conversations.Grains.Interfaces.Inbox;

/// <summary>A page of rows, the number of rows matching the filters in all pages, and the cursor of the next page (null on the last).</summary>
[GenerateSerializer, Immutable, Alias("Conversations.InboxPage")]
public sealed record InboxPage(
    [property: Id(0)] IReadOnlyList<InboxRow> Rows,
    [property: Id(1)] long Total,
    [property: Id(2)] InboxCursor? Next);

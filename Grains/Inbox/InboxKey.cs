namespace Conversations.Grains.Inbox;

/// <summary>
/// A row's place in the list order: newest update first, then by id; Slot points at the row, and Cell is its
/// <see cref="InboxCells">cell</see> (it fits in the padding), so a walk checks view and status without reading the row.
/// </summary>
internal readonly record struct InboxKey(long Updated, Guid Id, int Slot, byte Cell) : IComparable<InboxKey>
{
    /// <summary>A key that sorts before every row updated at or before <paramref name="ticks"/> (list order is newest first).</summary>
    public static InboxKey FirstUpdatedAtOrBefore(long ticks) => new(ticks, Guid.Empty, 0, 0);

    public int CompareTo(InboxKey other)
    {
        var byTime = other.Updated.CompareTo(Updated);
        return byTime != 0 ? byTime : Id.CompareTo(other.Id);
    }
}

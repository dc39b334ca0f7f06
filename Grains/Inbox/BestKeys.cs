namespace Conversations.Grains.Inbox;

/// <summary>
/// The first <c>capacity</c> keys in list order among those offered, kept sorted. A key older than the worst one
/// kept is refused on its update time alone, so its caller can skip reading the rest of the key.
/// </summary>
internal sealed class BestKeys(int capacity)
{
    private readonly InboxKey[] _keys = new InboxKey[capacity];

    public int Count { get; private set; }

    /// <summary>False when a key updated at <paramref name="updated"/> cannot be among the best.</summary>
    public bool MayTake(long updated) => Count < capacity || updated >= _keys[Count - 1].Updated;

    public void Offer(InboxKey key)
    {
        if (Count == capacity && key.CompareTo(_keys[Count - 1]) >= 0)
        {
            return;
        }

        var at = Array.BinarySearch(_keys, 0, Count, key);
        at = at < 0 ? ~at : at;
        var moved = Math.Min(Count, capacity - 1) - at;
        Array.Copy(_keys, at, _keys, at + 1, moved);
        _keys[at] = key;
        Count = Math.Min(Count + 1, capacity);
    }

    public IEnumerable<InboxKey> Keys() => _keys.Take(Count);
}

namespace Conversations.Grains.Inbox;

/// <summary>
/// Keys in list order, in chunks of at most <see cref="ChunkSize"/>: inserting, removing and finding a
/// position cost a binary search plus a copy within one chunk, so the first page never sorts the shard.
/// A chunk's array grows as it fills, so a short list (one assignee's in one place) takes little room.
/// </summary>
internal sealed class SortedKeys
{
    private const int ChunkSize = 512;
    private readonly List<Chunk> _chunks = [];

    public int Count { get; private set; }

    public void Add(InboxKey key)
    {
        if (_chunks.Count == 0)
        {
            _chunks.Add(new Chunk());
        }

        var c = ChunkFor(key);
        var chunk = _chunks[c];
        var pos = chunk.Search(key);
        if (chunk.Count == ChunkSize)
        {
            var upper = new Chunk(ChunkSize / 2) { Count = ChunkSize / 2 };
            Array.Copy(chunk.Items, ChunkSize / 2, upper.Items, 0, ChunkSize / 2);
            chunk.Count = ChunkSize / 2;
            _chunks.Insert(c + 1, upper);
            if (pos > ChunkSize / 2)
            {
                chunk = upper;
                pos -= ChunkSize / 2;
            }
        }

        chunk.Grow();
        Array.Copy(chunk.Items, pos, chunk.Items, pos + 1, chunk.Count - pos);
        chunk.Items[pos] = key;
        chunk.Count++;
        Count++;
    }

    public void Remove(InboxKey key)
    {
        if (_chunks.Count == 0)
        {
            return;
        }

        var c = ChunkFor(key);
        var chunk = _chunks[c];
        var pos = chunk.Search(key);
        if (pos >= chunk.Count || chunk.Items[pos].CompareTo(key) != 0)
        {
            return;
        }

        Array.Copy(chunk.Items, pos + 1, chunk.Items, pos, chunk.Count - pos - 1);
        chunk.Count--;
        Count--;
        if (chunk.Count == 0)
        {
            _chunks.RemoveAt(c);
        }
    }

    /// <summary>The position of the first key after <paramref name="key"/> (or at it, unless <paramref name="strictlyAfter"/>).</summary>
    public Position Seek(InboxKey key, bool strictlyAfter)
    {
        if (_chunks.Count == 0)
        {
            return default;
        }

        var c = ChunkFor(key);
        var chunk = _chunks[c];
        var pos = chunk.Search(key);
        if (strictlyAfter && pos < chunk.Count && chunk.Items[pos].CompareTo(key) == 0)
        {
            pos++;
        }

        return pos < chunk.Count ? new Position(c, pos) : new Position(c + 1, 0);
    }

    /// <summary>The keys from <paramref name="position"/> on, a chunk's stretch at a time.</summary>
    public IEnumerable<ArraySegment<InboxKey>> Segments(Position position)
    {
        for (var c = position.Chunk; c < _chunks.Count; c++)
        {
            var chunk = _chunks[c];
            var start = c == position.Chunk ? position.Index : 0;
            yield return new ArraySegment<InboxKey>(chunk.Items, start, chunk.Count - start);
        }
    }

    /// <summary>The first chunk whose last key is not before <paramref name="key"/>, or the last chunk.</summary>
    private int ChunkFor(InboxKey key)
    {
        int lo = 0, hi = _chunks.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            var chunk = _chunks[mid];
            if (chunk.Items[chunk.Count - 1].CompareTo(key) < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    public readonly record struct Position(int Chunk, int Index);

    private sealed class Chunk(int capacity = 4)
    {
        public InboxKey[] Items { get; private set; } = new InboxKey[capacity];

        public int Count { get; set; }

        /// <summary>Makes room for one more key.</summary>
        public void Grow()
        {
            if (Count == Items.Length)
            {
                var items = Items;
                Array.Resize(ref items, Math.Min(Items.Length * 2, ChunkSize));
                Items = items;
            }
        }

        /// <summary>The first index whose key is not before <paramref name="key"/>.</summary>
        public int Search(InboxKey key)
        {
            int lo = 0, hi = Count;
            while (lo < hi)
            {
                var mid = (lo + hi) >> 1;
                if (Items[mid].CompareTo(key) < 0)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            return lo;
        }
    }
}

namespace Conversations.Infrastructure.Search;

/// <summary>
/// The conversation of each ordinal kept in the index's doc values. One writer adds (the index's owner); any number of
/// searches read at the same time: an ordinal below <see cref="Count"/> is always readable. A removed conversation's slot
/// is blanked (so a snapshot does not keep its id) and it gets a new ordinal if it comes back.
/// </summary>
internal sealed class ConversationOrdinals
{
    private const int ChunkBits = 16;
    private const int ChunkSize = 1 << ChunkBits;
    private const int MaxChunks = 4096;

    private readonly Dictionary<Guid, int> _byId = [];
    private readonly Guid[]?[] _chunks = new Guid[MaxChunks][];
    private volatile int _count;

    public int Count => _count;

    public Guid this[int ordinal] => _chunks[ordinal >> ChunkBits]![ordinal & (ChunkSize - 1)];

    public int Of(Guid conversationId)
    {
        if (_byId.TryGetValue(conversationId, out var ordinal))
        {
            return ordinal;
        }

        ordinal = _count;
        var chunk = _chunks[ordinal >> ChunkBits] ??= new Guid[ChunkSize];
        chunk[ordinal & (ChunkSize - 1)] = conversationId;
        _byId[conversationId] = ordinal;
        _count = ordinal + 1;
        return ordinal;
    }

    public void Remove(Guid conversationId)
    {
        if (_byId.Remove(conversationId, out var ordinal))
        {
            _chunks[ordinal >> ChunkBits]![ordinal & (ChunkSize - 1)] = Guid.Empty;
        }
    }

    public byte[] ToBytes()
    {
        var count = _count;
        var bytes = new byte[count * 16];
        for (var i = 0; i < count; i++)
        {
            this[i].TryWriteBytes(bytes.AsSpan(i * 16, 16));
        }

        return bytes;
    }

    public static ConversationOrdinals FromBytes(ReadOnlySpan<byte> bytes)
    {
        var ordinals = new ConversationOrdinals();
        for (var i = 0; i < bytes.Length / 16; i++)
        {
            var id = new Guid(bytes.Slice(i * 16, 16));
            var chunk = ordinals._chunks[i >> ChunkBits] ??= new Guid[ChunkSize];
            chunk[i & (ChunkSize - 1)] = id;
            if (id != Guid.Empty)
            {
                ordinals._byId[id] = i;
            }
        }

        ordinals._count = bytes.Length / 16;
        return ordinals;
    }
}

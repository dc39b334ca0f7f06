namespace Conversations.Grains.Interfaces.Inbox;

/// <summary>Which index shard holds a conversation's row: a fixed number of shards per property, by a hash of the id.</summary>
public static class InboxShards
{
    public const int Count = 16;

    public static int Of(Guid conversationId)
    {
        Span<byte> bytes = stackalloc byte[16];
        conversationId.TryWriteBytes(bytes);
        return (int)(BitConverter.ToUInt32(bytes[12..]) % Count);
    }

    public static string Key(string propertyId, int shard) => $"{propertyId}/{shard}";

    public static IEnumerable<string> Keys(string propertyId) => Enumerable.Range(0, Count).Select(s => Key(propertyId, s));
}

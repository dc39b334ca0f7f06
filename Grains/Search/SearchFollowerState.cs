using System.Buffers.Binary;

namespace Conversations.Grains.Search;

/// <summary>
/// What the search grain saves beside a snapshot of its index: per conversation, the version it had followed up to, how many
/// of its messages the index holds and whether its own fields are in it (33 bytes each; the inbox rows come back from the inbox).
/// </summary>
internal static class SearchFollowerState
{
    private const int RecordSize = 33;

    public static byte[] Write(IReadOnlyCollection<KeyValuePair<Guid, SearchedConversation>> conversations)
    {
        var bytes = new byte[conversations.Count * RecordSize];
        var at = 0;
        foreach (var (id, conversation) in conversations)
        {
            if (at + RecordSize > bytes.Length)
            {
                break; // one added while copying: its next change catches it up
            }

            var record = bytes.AsSpan(at, RecordSize);
            id.TryWriteBytes(record);
            BinaryPrimitives.WriteInt64LittleEndian(record[16..], conversation.Version);
            BinaryPrimitives.WriteInt64LittleEndian(record[24..], conversation.IndexedMessages);
            record[32] = conversation.FieldsIndexed ? (byte)1 : (byte)0;
            at += RecordSize;
        }

        return at == bytes.Length ? bytes : bytes[..at];
    }

    /// <summary>The conversations as they were when the snapshot was taken, their inbox rows not known yet.</summary>
    public static IEnumerable<(Guid Id, SearchedConversation Conversation)> Read(byte[] bytes)
    {
        for (var at = 0; at + RecordSize <= bytes.Length; at += RecordSize)
        {
            var record = bytes.AsSpan(at, RecordSize);
            yield return (new Guid(record[..16]), new SearchedConversation(null)
            {
                Version = BinaryPrimitives.ReadInt64LittleEndian(record[16..]),
                IndexedMessages = BinaryPrimitives.ReadInt64LittleEndian(record[24..]),
                FieldsIndexed = record[32] == 1,
            });
        }
    }
}

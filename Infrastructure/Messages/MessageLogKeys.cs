using System.Buffers.Binary;
using System.Globalization;

namespace Conversations.Infrastructure.Messages;

/// <summary>
/// Where a conversation's messages live in the message log. Rows of many conversations share a partition, so the rows
/// of concurrent conversations can be committed together in one entity-group transaction (group commit).
/// A conversation's rows are one contiguous range of its partition: row key = conversation id, '-', zero-padded sequence.
/// </summary>
public static class MessageLogKeys
{
    /// <summary>
    /// Partitions of the log. Part of the storage format: changing it moves every conversation to another partition.
    /// Few partitions let more rows share a transaction; each Azure Table partition serves about 2,000 rows/s.
    /// </summary>
    public const int Partitions = 8;

    private static readonly string[] PartitionKeys =
        Enumerable.Range(0, Partitions).Select(i => "m" + i.ToString("D2", CultureInfo.InvariantCulture)).ToArray();

    public static string PartitionOf(Guid conversationId)
    {
        Span<byte> bytes = stackalloc byte[16];
        conversationId.TryWriteBytes(bytes);
        return PartitionKeys[BinaryPrimitives.ReadUInt32LittleEndian(bytes) % Partitions];
    }

    public static int IndexOf(string partitionKey) => Array.IndexOf(PartitionKeys, partitionKey);

    public static string RowKeyOf(Guid conversationId, long sequence) =>
        $"{conversationId:N}-{sequence.ToString("D19", CultureInfo.InvariantCulture)}";

    /// <summary>The row keys above every row of the conversation ('.' sorts right after '-').</summary>
    public static string EndOf(Guid conversationId) => $"{conversationId:N}.";
}

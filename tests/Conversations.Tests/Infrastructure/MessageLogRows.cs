using Azure.Data.Tables;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Messages;
using Conversations.Hosting;
using Conversations.Infrastructure.Messages;

namespace Conversations.Tests.Infrastructure;

/// <summary>Reads a conversation's rows of the message log straight from storage.</summary>
public static class MessageLogRows
{
    public static async Task<int> CountAsync(string storageConnectionString, Guid conversationId)
    {
        var table = new TableServiceClient(storageConnectionString).GetTableClient(StorageNames.MessagesTable);
        var partition = MessageLogKeys.PartitionOf(conversationId);
        var first = MessageLogKeys.RowKeyOf(conversationId, 0);
        var end = MessageLogKeys.EndOf(conversationId);
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(
            e => e.PartitionKey == partition && e.RowKey.CompareTo(first) >= 0 && e.RowKey.CompareTo(end) < 0, select: ["RowKey"]))
        {
            count++;
        }

        return count;
    }
}

using Azure.Data.Tables;
using Conversations.Grains.Interfaces.Common;

namespace Conversations.Grains.Messages;

public sealed class TableMessageStore(TableServiceClient tableService) : IMessageStore
{
    private TableClient? _table;

    public async Task AppendAsync(Guid conversationId, ConversationMessage message, CancellationToken cancellationToken = default)
    {
        var table = await TableAsync(cancellationToken);
        await table.UpsertEntityAsync(MessageEntity.From(conversationId, message), TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<IReadOnlyList<ConversationMessage>> ReadAsync(Guid conversationId, long afterSequence, int maxCount, CancellationToken cancellationToken = default)
    {
        var table = await TableAsync(cancellationToken);
        var partition = conversationId.ToString("N");
        var after = MessageEntity.RowKeyFor(afterSequence);
        var messages = new List<ConversationMessage>();
        var query = table.QueryAsync<MessageEntity>(
            e => e.PartitionKey == partition && e.RowKey.CompareTo(after) > 0,
            maxPerPage: Math.Min(maxCount, 1000),
            cancellationToken: cancellationToken);
        await foreach (var entity in query)
        {
            messages.Add(entity.ToMessage());
            if (messages.Count == maxCount)
            {
                break;
            }
        }

        return messages;
    }

    // Not cached until creation succeeds, so storage that was down at first use is retried.
    private async Task<TableClient> TableAsync(CancellationToken cancellationToken)
    {
        if (_table is { } ready)
        {
            return ready;
        }

        var table = tableService.GetTableClient(ConversationsNames.MessagesTable);
        await table.CreateIfNotExistsAsync(cancellationToken);
        return _table = table;
    }
}

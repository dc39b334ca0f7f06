using Azure;
using Azure.Data.Tables;
using Conversations.Grains.Interfaces.Common;

namespace Conversations.Grains.Messages;

public sealed class TableMessageStore(TableServiceClient tableService) : IMessageStore
{
    /// <summary>The most operations one table transaction may hold.</summary>
    private const int MaxBatch = 100;

    private TableClient? _table;

    public async Task AppendAsync(Guid conversationId, ConversationMessage message, CancellationToken cancellationToken = default)
    {
        var table = await TableAsync(cancellationToken);
        await table.UpsertEntityAsync(MessageEntity.From(conversationId, message), TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<bool> TryCommitAsync(Guid conversationId, ConversationMessage message, long version, CancellationToken cancellationToken = default)
    {
        var table = await TableAsync(cancellationToken);
        var entity = MessageEntity.From(conversationId, message);
        entity.Version = version;
        try
        {
            await table.AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<ConversationMessage>> ReadAsync(Guid conversationId, long afterSequence, int maxCount, CancellationToken cancellationToken = default) =>
        (await ReadEntitiesAsync(conversationId, afterSequence, maxCount, cancellationToken)).ConvertAll(e => e.ToMessage());

    public async Task<IReadOnlyList<CommittedMessage>> ReadCommittedAsync(Guid conversationId, long afterSequence, int maxCount, CancellationToken cancellationToken = default) =>
        (await ReadEntitiesAsync(conversationId, afterSequence, maxCount, cancellationToken)).ConvertAll(e => new CommittedMessage(e.ToMessage(), e.Version));

    private async Task<List<MessageEntity>> ReadEntitiesAsync(Guid conversationId, long afterSequence, int maxCount, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        var partition = conversationId.ToString("N");
        var after = MessageEntity.RowKeyFor(afterSequence);
        var entities = new List<MessageEntity>();
        var query = table.QueryAsync<MessageEntity>(
            e => e.PartitionKey == partition && e.RowKey.CompareTo(after) > 0,
            maxPerPage: Math.Min(maxCount, 1000),
            cancellationToken: cancellationToken);
        await foreach (var entity in query)
        {
            entities.Add(entity);
            if (entities.Count == maxCount)
            {
                break;
            }
        }

        return entities;
    }

    public async Task CopyAsync(Guid fromConversationId, Guid toConversationId, long count, CancellationToken cancellationToken = default)
    {
        var table = await TableAsync(cancellationToken);
        for (long after = 0; after < count;)
        {
            var page = await ReadAsync(fromConversationId, after, (int)Math.Min(1000, count - after), cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            foreach (var chunk in page.Chunk(MaxBatch))
            {
                await table.SubmitTransactionAsync(
                    chunk.Select(m => new TableTransactionAction(TableTransactionActionType.UpsertReplace, MessageEntity.From(toConversationId, m))),
                    cancellationToken);
            }

            after = page[^1].Sequence;
        }
    }

    public async Task DeleteAllAsync(Guid conversationId, CancellationToken cancellationToken = default)
    {
        var table = await TableAsync(cancellationToken);
        var partition = conversationId.ToString("N");
        var batch = new List<TableTransactionAction>(MaxBatch);
        var rows = table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, select: ["RowKey"], cancellationToken: cancellationToken);
        await foreach (var row in rows)
        {
            batch.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, row.RowKey)));
            if (batch.Count == MaxBatch)
            {
                await table.SubmitTransactionAsync(batch, cancellationToken);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            await table.SubmitTransactionAsync(batch, cancellationToken);
        }
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

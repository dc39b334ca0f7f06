using Azure.Data.Tables;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Messages;
using Conversations.Hosting;
using Conversations.Infrastructure.Storage;

namespace Conversations.Infrastructure.Messages;

/// <summary>
/// The message log in one table, partitioned by <see cref="MessageLogKeys"/>; writes of concurrent conversations
/// are committed together per partition (<see cref="PartitionCommitQueue"/>).
/// </summary>
public sealed class TableMessageStore(TableServiceClient tableService, MessageLogMeter meter) : IMessageStore
{
    /// <summary>The most operations one table transaction may hold.</summary>
    private const int MaxBatch = 100;

    /// <summary>Rows that may wait for one partition's transactions in one silo before more are refused.</summary>
    public const int MaxWaitingPerPartition = 250;

    private readonly TableOnFirstUse _table = new(tableService, StorageNames.MessagesTable);
    private PartitionCommitQueue[]? _queues;

    public async Task AppendAsync(Guid conversationId, ConversationMessage message, CancellationToken cancellationToken = default) =>
        await CommitAsync(new PendingRow(MessageEntity.From(conversationId, message), replace: true), cancellationToken);

    public async Task<bool> TryCommitAsync(Guid conversationId, ConversationMessage message, long version, CancellationToken cancellationToken = default)
    {
        var entity = MessageEntity.From(conversationId, message);
        entity.Version = version;
        return await CommitAsync(new PendingRow(entity, replace: false), cancellationToken);
    }

    private async Task<bool> CommitAsync(PendingRow row, CancellationToken cancellationToken)
    {
        var queues = _queues ?? await QueuesAsync(cancellationToken);
        return await queues[MessageLogKeys.IndexOf(row.Entity.PartitionKey)].EnqueueAsync(row);
    }

    public async Task<IReadOnlyList<ConversationMessage>> ReadAsync(Guid conversationId, long afterSequence, int maxCount, CancellationToken cancellationToken = default) =>
        (await ReadEntitiesAsync(conversationId, afterSequence, maxCount, cancellationToken)).ConvertAll(e => e.ToMessage());

    public async Task<IReadOnlyList<CommittedMessage>> ReadCommittedAsync(Guid conversationId, long afterSequence, int maxCount, CancellationToken cancellationToken = default) =>
        (await ReadEntitiesAsync(conversationId, afterSequence, maxCount, cancellationToken)).ConvertAll(e => new CommittedMessage(e.ToMessage(), e.Version));

    private async Task<List<MessageEntity>> ReadEntitiesAsync(Guid conversationId, long afterSequence, int maxCount, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        var partition = MessageLogKeys.PartitionOf(conversationId);
        var after = MessageLogKeys.RowKeyOf(conversationId, afterSequence);
        var end = MessageLogKeys.EndOf(conversationId);
        var entities = new List<MessageEntity>();
        var query = table.QueryAsync<MessageEntity>(
            e => e.PartitionKey == partition && e.RowKey.CompareTo(after) > 0 && e.RowKey.CompareTo(end) < 0,
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
        var table = await _table.GetAsync(cancellationToken);
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
        var table = await _table.GetAsync(cancellationToken);
        var partition = MessageLogKeys.PartitionOf(conversationId);
        var first = MessageLogKeys.RowKeyOf(conversationId, 0);
        var end = MessageLogKeys.EndOf(conversationId);
        var batch = new List<TableTransactionAction>(MaxBatch);
        var rows = table.QueryAsync<TableEntity>(
            e => e.PartitionKey == partition && e.RowKey.CompareTo(first) >= 0 && e.RowKey.CompareTo(end) < 0,
            select: ["RowKey"], cancellationToken: cancellationToken);
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

    private async Task<PartitionCommitQueue[]> QueuesAsync(CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        var queues = Enumerable.Range(0, MessageLogKeys.Partitions).Select(_ => new PartitionCommitQueue(table, MaxWaitingPerPartition, meter)).ToArray();
        return Interlocked.CompareExchange(ref _queues, queues, null) ?? queues;
    }
}

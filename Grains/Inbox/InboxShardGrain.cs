using Conversations.Grains.Interfaces.Inbox;
using Orleans.Concurrency;

namespace Conversations.Grains.Inbox;

/// <summary>
/// One shard of a property's inbox. Reentrant so that upserts arriving together share one checkpoint write
/// (group commit); the index itself is only touched between awaits, so it never sees two calls at once.
/// </summary>
[Reentrant]
public sealed class InboxShardGrain(InboxCheckpointStore store) : Grain, IInboxShardGrain
{
    private readonly Dictionary<Guid, InboxRow> _dirty = [];
    private InboxIndex _index = new();
    private Task _lastCheckpoint = Task.CompletedTask;
    private Task? _nextCheckpoint;

    private string ShardKey => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _index = new InboxIndex(ShardKey[..ShardKey.LastIndexOf('/')]);
        foreach (var row in await store.LoadAsync(ShardKey, cancellationToken))
        {
            _index.Upsert(row);
        }
    }

    public Task UpsertAsync(InboxRow row)
    {
        if (_index.Upsert(row))
        {
            _dirty[row.Id] = row;
        }
        else if (!_dirty.ContainsKey(row.Id))
        {
            return Task.CompletedTask;
        }

        // A row already held but not yet checkpointed (a retry after a failed write) waits for the next checkpoint too.
        return _nextCheckpoint ??= CheckpointAfterAsync(_lastCheckpoint);
    }

    public Task<InboxPage> QueryAsync(InboxQuery query) => Task.FromResult(_index.Query(query));

    public Task<InboxRow?> GetAsync(Guid conversationId) => Task.FromResult(_index.Get(conversationId));

    public Task<IReadOnlyList<InboxRow>> GetAllAsync() =>
        Task.FromResult<IReadOnlyList<InboxRow>>(_index.All().Where(r => r.Place != Interfaces.Common.BinState.Purged).ToList());

    /// <summary>Writes every row changed since the previous checkpoint, after that one, so a row's later version is never overwritten by an earlier one.</summary>
    private async Task CheckpointAfterAsync(Task previous)
    {
        await Task.Yield();
        var self = _nextCheckpoint!;
        try
        {
            await previous;
        }
        catch
        {
            // Its callers got the error; its rows are back in _dirty and go out now.
        }

        var rows = _dirty.Values.ToList();
        _dirty.Clear();
        _nextCheckpoint = null;
        _lastCheckpoint = self;
        try
        {
            await store.SaveAsync(ShardKey, rows);
        }
        catch
        {
            foreach (var row in rows)
            {
                _dirty.TryAdd(row.Id, row);
            }

            throw;
        }
    }
}

using System.Collections.Concurrent;
using Conversations.Grains.Inbox;

namespace Conversations.Inbox.Bench;

/// <summary>
/// Checkpoints in memory instead of the Azure table (Azurite cannot hold a million rows at a useful speed): the shards write
/// to it exactly as they write to the table. <see cref="Clear"/> drops them before memory is measured, so that figure is the index's.
/// </summary>
public sealed class MemoryInboxCheckpointStore : IInboxCheckpointStore
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, InboxCheckpoint>> _shards = new();
    private long _saved;

    /// <summary>Entries written so far (a rewrite of the same conversation counts again).</summary>
    public long Saved => Interlocked.Read(ref _saved);

    public Task<List<InboxCheckpoint>> LoadAsync(string shardKey, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        Task.FromResult(_shards.TryGetValue(shardKey, out var entries) ? entries.Values.ToList() : []);

    public Task SaveAsync(string shardKey, IReadOnlyCollection<InboxCheckpoint> entries, CancellationToken cancellationToken = default)
    {
        var shard = _shards.GetOrAdd(shardKey, _ => new ConcurrentDictionary<Guid, InboxCheckpoint>());
        foreach (var entry in entries)
        {
            shard[entry.Id] = entry;
        }

        Interlocked.Add(ref _saved, entries.Count);
        return Task.CompletedTask;
    }

    public void Clear() => _shards.Clear();
}

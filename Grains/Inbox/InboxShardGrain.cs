using Conversations.Grains.Common;
using Conversations.Grains.Conversations;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Inbox;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace Conversations.Grains.Inbox;

/// <summary>
/// One shard of a property's inbox. Reentrant so that calls arriving together share one checkpoint write
/// (group commit); the index itself is only touched between awaits, so it never sees two calls at once.
/// A conversation announces each version before writing it (<see cref="ExpectAsync"/>); an announced version
/// that has not arrived after <see cref="RepairAfter"/> (its writer died between its write and its upsert,
/// or this shard restarted from a checkpoint) is fetched from the conversation grain, the authority.
/// An announcement is written to the checkpoint once and then held for <see cref="Lease"/> after the latest one,
/// so a busy conversation's next versions are announced in memory only: after a restart, every held announcement
/// is repaired from its conversation, which covers the versions that were not written.
/// </summary>
[Reentrant]
public sealed class InboxShardGrain(IInboxCheckpointStore store, TimeProvider clock, ILogger<InboxShardGrain> logger) : Grain, IInboxShardGrain
{
    public static readonly TimeSpan RepairAfter = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long a durable announcement is kept after the latest version it stands for arrived. A chat's messages come
    /// seconds to minutes apart: with 30 s, a chat writing every 50 s (5,000 chats at 100 messages/s) paid an announcement
    /// write before every message, 0.9 storage requests per message on the path the sender waits for. Longer costs only
    /// more conversations to repair after the shard restarts (those active within the lease, asked for their rows in parallel).
    /// </summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <summary>Conversations asked for their rows at once by a repair (after a restart, every held announcement is).</summary>
    private const int RepairsAtOnce = 16;

    private readonly HashSet<Guid> _dirty = [];

    /// <summary>Conversations whose announcement is in a checkpoint written already.</summary>
    private readonly HashSet<Guid> _durable = [];
    private readonly Dictionary<Guid, InboxExpectation> _expected = [];
    private InboxIndex _index = new();
    private Task _lastCheckpoint = Task.CompletedTask;
    private Task? _nextCheckpoint;

    private string ShardKey => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _index = new InboxIndex(ShardKey[..ShardKey.LastIndexOf('/')]);
        foreach (var entry in await store.LoadAsync(ShardKey, clock.GetUtcNow(), cancellationToken))
        {
            if (entry.Row is { } row)
            {
                _index.Upsert(row);
            }

            if (entry.Expected is { } expected)
            {
                _expected[entry.Id] = expected;
                _durable.Add(entry.Id);
            }
        }

        // The shards start together: a random first tick keeps their checkpoint batches from reaching storage at once.
        this.RegisterGrainTimer(RepairAsync, TimerSpread.Around(RepairAfter), RepairAfter);
    }

    public Task ExpectAsync(Guid conversationId, ConversationKind kind, long version)
    {
        if (_index.Get(conversationId) is { } row && row.Version >= version)
        {
            return Task.CompletedTask;
        }

        var earlier = _expected.GetValueOrDefault(conversationId);
        _expected[conversationId] = new InboxExpectation(kind, Math.Max(version, earlier?.Version ?? 0), clock.GetUtcNow(), earlier?.Reloaded ?? false);
        return _durable.Contains(conversationId) ? Task.CompletedTask : Checkpoint(conversationId);
    }

    public Task UpsertAsync(InboxRow row)
    {
        // A row from the conversation itself is what a repair would fetch.
        if (_expected.GetValueOrDefault(row.Id) is { Reloaded: true } reloaded)
        {
            _expected[row.Id] = reloaded with { Reloaded = false };
        }

        // The row is written with the next timer's checkpoint, together with every other row changed by then: its
        // announcement is durable until its lease ends, so a shard lost before that repairs it from the conversation.
        if (_index.Upsert(row))
        {
            _dirty.Add(row.Id);
        }

        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_dirty.Count > 0 || _nextCheckpoint is not null)
        {
            await CheckpointSoonAsync(null);
        }
    }

    public Task<InboxKeyPage> QueryKeysAsync(InboxQuery query)
    {
        var page = _index.QueryKeys(query);
        var leading = page.Keys.Take(InboxPages.LeadingRowsPerShard(query.Limit)).Select(k => k.Id);
        return Task.FromResult(page with { LeadingRows = _index.Rows(leading) });
    }

    public Task<IReadOnlyList<InboxRow>> GetRowsAsync(IReadOnlyList<Guid> conversationIds) => Task.FromResult(_index.Rows(conversationIds));

    public Task<InboxRow?> GetAsync(Guid conversationId) => Task.FromResult(_index.Get(conversationId));

    public Task<IReadOnlyList<InboxRow>> GetAllAsync() =>
        Task.FromResult<IReadOnlyList<InboxRow>>(_index.All().Where(r => r.Place != BinState.Purged).ToList());

    private async Task RepairAsync(CancellationToken cancellationToken)
    {
        if (_dirty.Count > 0 && _nextCheckpoint is null)
        {
            await CheckpointSoonAsync(null);
        }

        var now = clock.GetUtcNow();
        // An ended lease is written with the next timer's checkpoint; until then storage still holds it, which only means a repair.
        foreach (var (id, _) in _expected.Where(e => IsMet(e.Key, e.Value) && now - e.Value.Since >= Lease).ToList())
        {
            Forget(id);
            _dirty.Add(id);
        }

        var due = _expected.Where(e => !IsMet(e.Key, e.Value) && now - e.Value.Since >= RepairAfter).ToList();
        foreach (var repairs in due.Chunk(RepairsAtOnce))
        {
            // Their checkpoints are one write: each joins the next checkpoint while it is not yet under way.
            await Task.WhenAll(repairs.Select(e => RepairFromConversationAsync(e.Key, e.Value)));
        }
    }

    private async Task RepairFromConversationAsync(Guid id, InboxExpectation expected)
    {
        try
        {
            var conversation = GrainFactory.GetConversation(expected.Kind, id);
            if (await conversation.GetInboxRowAsync() is { } row)
            {
                _index.Upsert(row);
            }

            // The conversation is the authority: whatever it holds now is all there is of the announced version.
            if (_expected.GetValueOrDefault(id)?.Version <= expected.Version)
            {
                Forget(id);
            }

            await Checkpoint(id);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Repairing the inbox row of {ConversationId} failed; trying again.", id);
        }
    }

    private bool IsMet(Guid id, InboxExpectation expected) =>
        !expected.Reloaded && _index.Get(id) is { } row && row.Version >= expected.Version;

    /// <summary>Drops an announcement; until a checkpoint without it is written, a new one is written again.</summary>
    private void Forget(Guid id)
    {
        _expected.Remove(id);
        _durable.Remove(id);
    }

    private Task Checkpoint(Guid? id)
    {
        if (id is { } changed)
        {
            _dirty.Add(changed);
        }

        return _nextCheckpoint ??= CheckpointAfterAsync(_lastCheckpoint);
    }

    /// <summary>A checkpoint nobody waits for: a failure leaves its entries dirty for the repair timer to write again.</summary>
    private async Task CheckpointSoonAsync(Guid? id)
    {
        try
        {
            await Checkpoint(id);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "An inbox checkpoint of {ShardKey} failed; it is written again within {RepairAfter}.", ShardKey, RepairAfter);
        }
    }

    /// <summary>Writes every entry changed since the previous checkpoint, after that one, so a later state is never overwritten by an earlier one.</summary>
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
            // Its callers got the error; its entries are back in _dirty and go out now.
        }

        var ids = _dirty.ToList();
        _dirty.Clear();
        _nextCheckpoint = null;
        _lastCheckpoint = self;
        var entries = ids.Select(id => new InboxCheckpoint(id, _index.Get(id), _expected.GetValueOrDefault(id))).ToList();
        try
        {
            await store.SaveAsync(ShardKey, entries);
        }
        catch
        {
            _dirty.UnionWith(ids);
            throw;
        }

        // An announcement dropped while this was written is not durable any more, even though it was written.
        foreach (var entry in entries.Where(e => e.Expected is not null && _expected.ContainsKey(e.Id)))
        {
            _durable.Add(entry.Id);
        }
    }
}

using Conversations.Grains.Conversations;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Inbox;
using Conversations.Grains.Interfaces.Realtime;
using Conversations.Grains.Interfaces.Search;
using System.Collections.Concurrent;
using Conversations.Grains.Messages;
using Microsoft.Extensions.Logging;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace Conversations.Grains.Search;

/// <summary>
/// SRCH-1: a property's conversation search index, a follower of its committed changes. Idempotent by (conversation,
/// version): a plain next message is indexed from its event alone; anything else, or a gap in the versions, makes it catch
/// the conversation up from the source (its inbox row, then the message table after what it has indexed).
/// The index works on the silo's disk and is snapshotted where the cluster finds it (every <see cref="SnapshotPeriod"/> when
/// it changed, when the grain deactivates, and at once after a purge, with the purged text merged out of its files). On
/// activation (after a silo move too) it restores the latest snapshot with the versions it had followed, then sweeps the
/// inbox rows and catches up only the conversations that changed after it; with no snapshot it builds from the inbox rows
/// and the message table. Both run in the background, with progress; searches answer from what is there meanwhile.
/// Searches run on the thread pool, one per core at a time (<see cref="SearchSlots"/>), beside the follower. No caller waits for the follower but a purge,
/// whose conversation must vanish from results at once (BIN-2).
/// </summary>
[ImplicitStreamSubscription(ConversationsNames.PropertyStreamNamespace)]
[CollectionAgeLimit(Hours = 12)]
public sealed class ConversationSearchGrain(
    IConversationSearchIndexFactory indexes, IMessageStore messages, TimeProvider clock, ILogger<ConversationSearchGrain> logger)
    : Grain, IConversationSearchGrain, IStreamSubscriptionObserver, IAsyncObserver<ConversationEvent>
{
    private const int MessageBatch = 500;
    private const int ParallelCatchUps = 8;
    private static readonly TimeSpan SnapshotPeriod = TimeSpan.FromSeconds(30);

    // Read by searches on other threads; written by the grain only.
    private readonly ConcurrentDictionary<Guid, SearchedConversation> _conversations = [];
    private readonly HashSet<Guid> _purged = [];
    private IConversationSearchIndex? _index;
    private Task _ready = Task.CompletedTask;
    private Task? _sweep;
    private int _sweepDone;
    private int _sweepTotal;
    private int _generation;
    private DateTimeOffset? _builtAt;
    private long _messagesRestored;
    private long _messagesReadFromSource;
    private Task? _snapshotting;
    private bool _changedSinceSnapshot;
    private bool _snapshotWanted;
    private bool _expungeWanted;
    private DateTimeOffset? _snapshotAt;

    private string PropertyId => this.GetPrimaryKeyString();

    /// <summary>Written only after <see cref="_ready"/>: the restored or new index.</summary>
    private IConversationSearchIndex Index => _index ?? throw new InvalidOperationException("The search index is not open yet.");

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _ready = OpenAsync();
        StartSweep(clear: false);
        this.RegisterGrainTimer(SnapshotIfChangedAsync, SnapshotPeriod, SnapshotPeriod);
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _generation++;
        try
        {
            await _ready;
            if (_changedSinceSnapshot || _expungeWanted)
            {
                RequestSnapshot(expunge: false);
            }

            if (_snapshotting is { } snapshotting)
            {
                await snapshotting.WaitAsync(cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogWarning(ex, "The search index of {PropertyId} was not snapshotted as it deactivated; the next activation catches up from the last one.", PropertyId);
        }

        _index?.Dispose();
        _index = null;
    }

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        await handleFactory.Create<ConversationEvent>().ResumeAsync(this);

    public async Task OnNextAsync(ConversationEvent item, StreamSequenceToken? token = null)
    {
        if (item.PropertyId != PropertyId || _purged.Contains(item.ConversationId))
        {
            return;
        }

        try
        {
            await _ready;
            await FollowAsync(item);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // What it has of the conversation stays behind its version: its next event catches it up.
            logger.LogWarning(ex, "Search could not follow v{Version} of {ConversationId}; its next change catches it up.", item.Version, item.ConversationId);
        }
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex)
    {
        logger.LogWarning(ex, "The property stream of {PropertyId} failed for search.", PropertyId);
        return Task.CompletedTask;
    }

    public async Task<ConversationSearchPage> SearchAsync(ConversationSearchQuery query)
    {
        var text = query.Text?.Trim() ?? "";
        if (text.Length == 0 || text.Length > ConversationSearchQuery.MaxTextLength)
        {
            throw DomainException.Invalid($"A search needs text of 1 to {ConversationSearchQuery.MaxTextLength} characters.");
        }

        if (query.Limit is < 1 or > ConversationSearchQuery.MaxLimit || query.Offset is < 0 or > ConversationSearchQuery.MaxOffset)
        {
            throw DomainException.Invalid($"The limit must be 1 to {ConversationSearchQuery.MaxLimit} and the offset 0 to {ConversationSearchQuery.MaxOffset}.");
        }

        var filter = new InboxFilter(query.Filters ?? new InboxQuery());
        await _ready;
        var index = Index;

        // Off the grain's thread: searches run side by side, one per core, each on the index as it was when it began.
        var conversations = _conversations;
        SearchIndexResult result;
        try
        {
            result = await SearchSlots.RunAsync(() => index.Search(text, query.IncludeWhispers,
                id => conversations.TryGetValue(id, out var c) && c.Row is { } row && filter.Matches(row), query.Offset, query.Limit));
        }
        catch (SearchQueryException ex)
        {
            throw DomainException.Invalid(ex.Message);
        }

        var hits = result.Hits
            .Select(hit => (hit, row: _conversations.TryGetValue(hit.ConversationId, out var c) ? c.Row : null))
            .Where(x => x.row is not null)
            .Select(x => new ConversationSearchHit(x.hit.ConversationId, x.row!.Kind, x.row.Title, x.row.Status, x.row.Place, x.hit.Sequence,
                x.hit.IsWhisper, x.hit.Snippet, x.hit.Score, x.row.UpdatedAt))
            .ToList();
        return new ConversationSearchPage(hits, result.Total, query.Offset, Progress(), result.TotalIsLowerBound);
    }

    public async Task<SearchIndexProgress> RebuildAsync()
    {
        await _ready;
        StartSweep(clear: true);
        return Progress();
    }

    public Task<SearchIndexProgress> GetProgressAsync() => Task.FromResult(Progress());

    public async Task RemovePurgedAsync(Guid conversationId)
    {
        _purged.Add(conversationId);
        await _ready;
        ForgetPurged(conversationId);
    }

    public async Task DropAsync(Guid conversationId)
    {
        await _ready;
        Forget(conversationId);
    }

    private SearchIndexProgress Progress() =>
        new(_sweep is { IsCompleted: false }, _sweepDone, _sweepTotal, _index?.MessageCount ?? 0, _builtAt, _messagesRestored, _messagesReadFromSource, _snapshotAt);

    /// <summary>The latest snapshot with what the follower knew then; an empty index when there is none or it cannot be read.</summary>
    private async Task OpenAsync()
    {
        RestoredSearchIndex? restored = null;
        try
        {
            restored = await indexes.RestoreAsync(PropertyId);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogWarning(ex, "The search snapshot of {PropertyId} could not be restored; the index is built from the source.", PropertyId);
        }

        if (restored is null)
        {
            _index = indexes.Create(PropertyId);
            return;
        }

        _index = restored.Index;
        foreach (var (id, conversation) in SearchFollowerState.Read(restored.FollowerState))
        {
            _conversations[id] = conversation;
        }

        _messagesRestored = restored.Index.MessageCount;
        _snapshotAt = restored.TakenAt;
        logger.LogInformation("Search index of {PropertyId} restored from its snapshot of {TakenAt}: {Conversations} conversations, {Messages} messages.",
            PropertyId, restored.TakenAt, _conversations.Count, _messagesRestored);
    }

    private Task SnapshotIfChangedAsync()
    {
        if (_ready.IsCompletedSuccessfully && _changedSinceSnapshot)
        {
            RequestSnapshot(expunge: false);
        }

        return Task.CompletedTask;
    }

    /// <summary>Snapshots in the background, one at a time; after a purge with the removed documents merged out first.</summary>
    private void RequestSnapshot(bool expunge)
    {
        _snapshotWanted = true;
        _expungeWanted |= expunge;
        if (_snapshotting is not { IsCompleted: false })
        {
            _snapshotting = SnapshotWhileWantedAsync();
        }
    }

    private async Task SnapshotWhileWantedAsync()
    {
        while (_snapshotWanted && _index is { } index)
        {
            _snapshotWanted = false;
            var expunge = _expungeWanted;
            _expungeWanted = false;
            try
            {
                if (expunge)
                {
                    await Task.Run(index.ExpungeDeletes);
                }

                // One turn: the follower state and the commit it describes.
                _changedSinceSnapshot = false;
                var state = SearchFollowerState.Write(_conversations.ToArray());
                await indexes.SaveSnapshotAsync(PropertyId, index, state);
                _snapshotAt = clock.GetUtcNow();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                _changedSinceSnapshot = true;
                _expungeWanted |= expunge;
                logger.LogWarning(ex, "Snapshotting the search index of {PropertyId} failed; the next period tries again.", PropertyId);
                return;
            }
        }
    }

    private async Task FollowAsync(ConversationEvent evt)
    {
        if (evt is BinChanged { Bin: BinState.Purged })
        {
            _purged.Add(evt.ConversationId);
            ForgetPurged(evt.ConversationId);
            return;
        }

        var known = _conversations.GetValueOrDefault(evt.ConversationId);
        if (known is not null && evt.Version <= known.Version)
        {
            return;
        }

        if (evt is MessagePosted posted && known?.Row is { } knownRow && evt.Version == known.Version + 1 && posted.Message.Sequence == known.IndexedMessages + 1)
        {
            Index.AddMessage(evt.ConversationId, posted.Message);
            _changedSinceSnapshot = true;
            known.IndexedMessages = posted.Message.Sequence;
            known.Version = evt.Version;
            known.Row = knownRow with { MessageCount = posted.Message.Sequence, UpdatedAt = posted.At, Version = evt.Version };
            return;
        }

        if (await SourceRowAsync(evt.ConversationId, evt.Version, known?.Row?.Kind ?? KindOf(evt)) is { } row)
        {
            await CatchUpAsync(row);
        }
    }

    /// <summary>
    /// The conversation's row from its inbox shard (written before its events are published); from the conversation itself
    /// when the shard is behind the version the event announced (its write is being retried).
    /// </summary>
    private async Task<InboxRow?> SourceRowAsync(Guid conversationId, long version, ConversationKind? kind)
    {
        var row = await GrainFactory.GetGrain<IInboxShardGrain>(InboxShards.Key(PropertyId, InboxShards.Of(conversationId))).GetAsync(conversationId);
        if ((row is null || row.Version < version) && (row?.Kind ?? kind) is { } k)
        {
            row = await GrainFactory.GetConversation(k, conversationId).GetInboxRowAsync() ?? row;
        }

        return row is null || row.PropertyId != PropertyId ? null : row;
    }

    private static ConversationKind? KindOf(ConversationEvent evt) => evt switch
    {
        ChatStarted => ConversationKind.Chat,
        TicketCreated => ConversationKind.Ticket,
        _ => null,
    };

    /// <summary>Brings the conversation up to <paramref name="row"/>: its missing messages from the table, then its fields.</summary>
    private async Task CatchUpAsync(InboxRow row)
    {
        if (row.Place == BinState.Purged)
        {
            _purged.Add(row.Id);
            ForgetPurged(row.Id);
            return;
        }

        if (_purged.Contains(row.Id))
        {
            return;
        }

        if (!_conversations.TryGetValue(row.Id, out var conversation))
        {
            conversation = new SearchedConversation(row);
            _conversations[row.Id] = conversation;
        }

        var generation = _generation;
        while (conversation.IndexedMessages < row.MessageCount)
        {
            var batch = await messages.ReadAsync(row.Id, conversation.IndexedMessages, (int)Math.Min(MessageBatch, row.MessageCount - conversation.IndexedMessages));
            if (generation != _generation || !ReferenceEquals(_conversations.GetValueOrDefault(row.Id), conversation))
            {
                return;
            }

            var before = conversation.IndexedMessages;
            foreach (var message in batch.Where(m => m.Sequence == conversation.IndexedMessages + 1 && m.Sequence <= row.MessageCount))
            {
                Index.AddMessage(row.Id, message);
                conversation.IndexedMessages = message.Sequence;
                _messagesReadFromSource++;
                _changedSinceSnapshot = true;
            }

            if (conversation.IndexedMessages == before)
            {
                break;
            }
        }

        if (row.Version < conversation.Version)
        {
            return;
        }

        var old = conversation.Row;
        conversation.Row = row with { MessageCount = Math.Max(row.MessageCount, conversation.IndexedMessages) };
        conversation.Version = row.Version;
        if (!conversation.FieldsIndexed || old is null || old.Title != row.Title || old.Requester != row.Requester || !old.Tags.SequenceEqual(row.Tags))
        {
            Index.UpsertConversation(new SearchedConversationFields(row.Id, row.Title, row.Requester, row.Tags));
            conversation.FieldsIndexed = true;
            _changedSinceSnapshot = true;
        }
    }

    private void Forget(Guid conversationId)
    {
        if (_conversations.TryRemove(conversationId, out _))
        {
            Index.RemoveConversation(conversationId);
            _changedSinceSnapshot = true;
        }
    }

    /// <summary>Forgets a purged conversation and has its text merged out of the index's files and its snapshot at once (BIN-2).</summary>
    private void ForgetPurged(Guid conversationId)
    {
        if (_conversations.ContainsKey(conversationId))
        {
            Forget(conversationId);
            RequestSnapshot(expunge: true);
        }
    }

    /// <summary>Compares every inbox row with what the index holds and catches up what is behind; from empty when <paramref name="clear"/>.</summary>
    private void StartSweep(bool clear)
    {
        if (clear)
        {
            _generation++;
            _conversations.Clear();
            Index.Clear();
            _changedSinceSnapshot = true;
        }
        else if (_sweep is { IsCompleted: false })
        {
            return;
        }

        _sweepDone = 0;
        _sweepTotal = 0;
        _sweep = SweepAsync(_generation);
    }

    private async Task SweepAsync(int generation)
    {
        try
        {
            await _ready;
            var rows = await GrainFactory.GetGrain<IInboxGrain>(PropertyId).GetAllAsync();
            if (generation != _generation)
            {
                return;
            }

            // Restored conversations the inbox no longer has (purged while the index was away) go.
            var inInbox = rows.Select(r => r.Id).ToHashSet();
            foreach (var gone in _conversations.Where(c => c.Value.Row is null && !inInbox.Contains(c.Key)).Select(c => c.Key).ToList())
            {
                ForgetPurged(gone);
            }

            _sweepTotal = rows.Count;
            foreach (var batch in rows.Chunk(ParallelCatchUps))
            {
                await Task.WhenAll(batch.Select(row => CatchUpIfBehindAsync(row, generation)));
                if (generation != _generation)
                {
                    return;
                }

                _sweepDone += batch.Length;
            }

            _builtAt = clock.GetUtcNow();
            logger.LogInformation("Search index of {PropertyId} built: {Conversations} conversations, {Messages} messages.",
                PropertyId, _conversations.Count, Index.MessageCount);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogWarning(ex, "Building the search index of {PropertyId} failed; a rebuild or the next activation tries again.", PropertyId);
        }
    }

    private async Task CatchUpIfBehindAsync(InboxRow row, int generation)
    {
        if (generation != _generation)
        {
            return;
        }

        if (row.Place == BinState.Purged)
        {
            _purged.Add(row.Id);
            ForgetPurged(row.Id);
            return;
        }

        if (_conversations.TryGetValue(row.Id, out var known) && known.Version >= row.Version)
        {
            known.Row ??= row;
            return;
        }

        if (known is { Row: null })
        {
            // Restored, and changed after its snapshot: its fields are written again, its new messages read.
            known.FieldsIndexed = false;
        }

        try
        {
            await CatchUpAsync(row);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogWarning(ex, "Search could not catch up {ConversationId}; its next change does.", row.Id);
        }
    }
}

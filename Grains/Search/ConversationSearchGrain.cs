using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Inbox;
using Conversations.Grains.Interfaces.Realtime;
using Conversations.Grains.Interfaces.Search;
using Conversations.Grains.Interfaces.Tickets;
using Conversations.Grains.Messages;
using Microsoft.Extensions.Logging;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace Conversations.Grains.Search;

/// <summary>
/// SRCH-1: a property's conversation search index, a follower of its committed changes. Idempotent by (conversation,
/// version): a plain next message is indexed from its event alone; anything else, or a gap in the versions, makes it catch
/// the conversation up from the source (its inbox row, then the message table after what it has indexed). The index
/// lives only on the silo's disk as a cache: on activation (after a silo move too) it is built again from the inbox rows
/// and the message table, in the background, with progress; searches answer from what is there meanwhile.
/// No caller waits for it but a purge, whose conversation must vanish from results at once (BIN-2).
/// </summary>
[ImplicitStreamSubscription(ConversationsNames.PropertyStreamNamespace)]
[CollectionAgeLimit(Hours = 12)]
public sealed class ConversationSearchGrain(
    IConversationSearchIndexFactory indexes, IMessageStore messages, TimeProvider clock, ILogger<ConversationSearchGrain> logger)
    : Grain, IConversationSearchGrain, IStreamSubscriptionObserver, IAsyncObserver<ConversationEvent>
{
    private const int MessageBatch = 500;
    private const int ParallelCatchUps = 8;

    private readonly Dictionary<Guid, SearchedConversation> _conversations = [];
    private readonly HashSet<Guid> _purged = [];
    private IConversationSearchIndex? _index;
    private Task? _sweep;
    private int _sweepDone;
    private int _sweepTotal;
    private int _generation;
    private DateTimeOffset? _builtAt;

    private string PropertyId => this.GetPrimaryKeyString();

    private IConversationSearchIndex Index => _index ??= indexes.Create(PropertyId);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        StartSweep(clear: false);
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _generation++;
        _index?.Dispose();
        _index = null;
        return Task.CompletedTask;
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

    public Task<ConversationSearchPage> SearchAsync(ConversationSearchQuery query)
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
        SearchIndexResult result;
        try
        {
            result = Index.Search(text, query.IncludeWhispers, id => _conversations.TryGetValue(id, out var c) && filter.Matches(c.Row), query.Offset, query.Limit);
        }
        catch (SearchQueryException ex)
        {
            throw DomainException.Invalid(ex.Message);
        }

        var hits = result.Hits
            .Select(hit => (hit, row: _conversations[hit.ConversationId].Row))
            .Select(x => new ConversationSearchHit(x.hit.ConversationId, x.row.Kind, x.row.Title, x.row.Status, x.row.Place, x.hit.Sequence,
                x.hit.IsWhisper, x.hit.Snippet, x.hit.Score, x.row.UpdatedAt))
            .ToList();
        return Task.FromResult(new ConversationSearchPage(hits, result.Total, query.Offset, Progress()));
    }

    public Task<SearchIndexProgress> RebuildAsync()
    {
        StartSweep(clear: true);
        return Task.FromResult(Progress());
    }

    public Task<SearchIndexProgress> GetProgressAsync() => Task.FromResult(Progress());

    public Task RemovePurgedAsync(Guid conversationId)
    {
        _purged.Add(conversationId);
        Forget(conversationId);
        return Task.CompletedTask;
    }

    public Task DropAsync(Guid conversationId)
    {
        Forget(conversationId);
        return Task.CompletedTask;
    }

    private SearchIndexProgress Progress() =>
        new(_sweep is { IsCompleted: false }, _sweepDone, _sweepTotal, _index?.MessageCount ?? 0, _builtAt);

    private async Task FollowAsync(ConversationEvent evt)
    {
        if (evt is BinChanged { Bin: BinState.Purged })
        {
            _purged.Add(evt.ConversationId);
            Forget(evt.ConversationId);
            return;
        }

        var known = _conversations.GetValueOrDefault(evt.ConversationId);
        if (known is not null && evt.Version <= known.Version)
        {
            return;
        }

        if (evt is MessagePosted posted && known is not null && evt.Version == known.Version + 1 && posted.Message.Sequence == known.IndexedMessages + 1)
        {
            Index.AddMessage(evt.ConversationId, posted.Message);
            known.IndexedMessages = posted.Message.Sequence;
            known.Version = evt.Version;
            known.Row = known.Row with { MessageCount = posted.Message.Sequence, UpdatedAt = posted.At, Version = evt.Version };
            return;
        }

        if (await SourceRowAsync(evt.ConversationId, evt.Version, known?.Row.Kind ?? KindOf(evt)) is { } row)
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
            IConversationGrain conversation = k == ConversationKind.Chat
                ? GrainFactory.GetGrain<IChatGrain>(conversationId)
                : GrainFactory.GetGrain<ITicketGrain>(conversationId);
            row = await conversation.GetInboxRowAsync() ?? row;
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
            Forget(row.Id);
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
        if (!conversation.FieldsIndexed || old.Title != row.Title || old.Requester != row.Requester || !old.Tags.SequenceEqual(row.Tags))
        {
            Index.UpsertConversation(new SearchedConversationFields(row.Id, row.Title, row.Requester, row.Tags));
            conversation.FieldsIndexed = true;
        }
    }

    private void Forget(Guid conversationId)
    {
        if (_conversations.Remove(conversationId))
        {
            Index.RemoveConversation(conversationId);
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
            var rows = await GrainFactory.GetGrain<IInboxGrain>(PropertyId).GetAllAsync();
            if (generation != _generation)
            {
                return;
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
        if (generation != _generation || (_conversations.TryGetValue(row.Id, out var known) && known.Version >= row.Version))
        {
            return;
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

using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Inbox;
using Conversations.Grains.Interfaces.Realtime;
using Conversations.Grains.Messages;
using Conversations.Grains.Realtime;
using Microsoft.Extensions.Logging;

namespace Conversations.Grains.Conversations;

/// <summary>
/// What chats and tickets share: messages (with idempotent commands), whispers, tags, trash, spam,
/// restore and purge. Every change goes check → apply → persist → publish, one version per change.
/// </summary>
public abstract class ConversationGrain<TState>(
    IPersistentState<TState> state,
    IMessageStore messageStore,
    TimeProvider clock,
    ILogger logger) : Grain, IConversationGrain
    where TState : class, IConversationState, new()
{
    /// <summary>How many acknowledgements are kept for deduplicating retried commands.</summary>
    public const int RememberedCommands = 256;

    protected TState Current => state.State;

    private IGrainTimer? _indexRetry;

    /// <summary>Set while a retried message is written back at the place its acknowledgement names (<see cref="EnsureStoredAsync"/>).</summary>
    private MessageAck? _restoring;

    protected Guid Id => this.GetPrimaryKey();

    protected IMessageStore MessageStore => messageStore;

    protected DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>"The chat" or "The ticket", for error messages.</summary>
    protected abstract string Noun { get; }

    /// <summary>Throws when the conversation takes no new messages (closed).</summary>
    protected abstract void EnsureAcceptsMessages();

    /// <summary>The conversation as a line of the inbox (INB-3).</summary>
    protected abstract InboxRow InboxRow();

    /// <summary>
    /// Pushes the row on every activation: a change written just before a crash, whose row never reached
    /// its shard, is indexed as soon as the conversation is used again (the shard ignores versions it has).
    /// </summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Current.Exists || Current.Bin == BinState.Purged)
        {
            await IndexAsync();
        }
    }

    public async Task<IReadOnlyList<ConversationMessage>> GetMessagesAsync(string propertyId, long afterSequence, int maxCount)
    {
        EnsureFound(propertyId);
        if (maxCount is < 1 or > 1000)
        {
            throw DomainException.Invalid("maxCount must be between 1 and 1000.");
        }

        var messages = await messageStore.ReadAsync(Id, Math.Max(0, afterSequence), maxCount);

        // Rows beyond the acknowledged count are leftovers of a crash, never shown.
        return messages.Where(m => m.Sequence <= Current.MessageCount).ToList();
    }

    public Task<MessageAck> WhisperAsync(PostWhisper command) =>
        PostOnceAsync(command.PropertyId, command.CommandId, () =>
            AppendAsAuthorAsync(command.CommandId, AuthorKind.Agent, command.AgentId, command.AgentName, command.Text, isInternal: true));

    public async Task<ConversationChange> ChangeTagsAsync(ChangeTags command)
    {
        EnsureInInbox(command.PropertyId);
        var tags = TagRules.Apply(Current.Tags, command.Add, command.Remove);
        if (tags.SequenceEqual(Current.Tags, StringComparer.Ordinal))
        {
            return Change();
        }

        var now = Now;
        Current.Tags = tags;
        await CommitAsync(now, touch: true, v => new TagsChanged(Current.PropertyId, Id, v, now, tags.ToList()));
        return Change();
    }

    public Task<ConversationChange> TrashAsync(string propertyId) => MoveAsync(propertyId, BinState.Trashed);

    public Task<ConversationChange> MarkSpamAsync(string propertyId) => MoveAsync(propertyId, BinState.Spam);

    public Task<ConversationChange> RestoreAsync(string propertyId) => MoveAsync(propertyId, BinState.Inbox);

    public async Task PurgeAsync(string propertyId)
    {
        EnsureKnown(propertyId);
        if (BinTransitions.Check(Current.Bin, BinState.Purged))
        {
            // A tombstone: no content, only what is needed to refuse the id forever.
            var now = Now;
            var tombstone = new TState { PropertyId = Current.PropertyId, Version = Current.Version, Bin = BinState.Purged, UpdatedAt = now };
            state.State = tombstone;
            await CommitAsync(now, touch: false, v => new BinChanged(tombstone.PropertyId, Id, v, now, BinState.Purged));
        }

        // Also on a repeated purge, so rows left behind by a crash between the two steps go too.
        await messageStore.DeleteAllAsync(Id);
    }

    /// <summary>NotFound unless the conversation exists, is not purged and belongs to <paramref name="propertyId"/>.</summary>
    protected void EnsureFound(string propertyId)
    {
        if (!Current.Exists || Current.Bin == BinState.Purged || !string.Equals(Current.PropertyId, propertyId, StringComparison.Ordinal))
        {
            throw DomainException.NotFound(Noun);
        }
    }

    /// <summary>Changes other than moving between the inbox, Trash and Spam need the conversation in the inbox.</summary>
    protected void EnsureInInbox(string propertyId)
    {
        EnsureFound(propertyId);
        if (Current.Bin != BinState.Inbox)
        {
            throw DomainException.Conflict($"{Noun} is in {(Current.Bin == BinState.Spam ? "Spam" : "Trash")}; restore it first.");
        }
    }

    /// <summary>
    /// Runs a message command once: a retried command id gets its first acknowledgement back, even
    /// when the conversation has changed since (closed, for example). A new one needs the inbox.
    /// </summary>
    protected async Task<MessageAck> PostOnceAsync(string propertyId, string? commandId, Func<Task<MessageAck>> post)
    {
        EnsureFound(propertyId);
        TextRules.Id(commandId, "A command id");
        if (Current.RecentCommands.Find(c => c.CommandId == commandId)?.Ack is { } earlier)
        {
            await EnsureStoredAsync(earlier, commandId!, post);
            return earlier;
        }

        EnsureInInbox(propertyId);
        return await post();
    }

    /// <summary>
    /// Before a retry gets its earlier acknowledgement, checks that the message is still the one stored at its
    /// sequence. It may not be: when storage applies a state write only after the write timed out, a second activation
    /// that had not seen it yet wrote its own (never acknowledged) message into the same row. The retry carries the
    /// same message, so it is written back in its place.
    /// </summary>
    private async Task EnsureStoredAsync(MessageAck ack, string commandId, Func<Task<MessageAck>> post)
    {
        var stored = await messageStore.ReadAsync(Id, ack.Sequence - 1, 1);
        if (stored is [{ } message] && message.Sequence == ack.Sequence && message.CommandId == commandId)
        {
            return;
        }

        logger.LogWarning("The row of acknowledged message {Sequence} of {ConversationId} held another message; restoring it from the retry of {CommandId}.", ack.Sequence, Id, commandId);
        _restoring = ack;
        try
        {
            await post();
        }
        finally
        {
            _restoring = null;
        }
    }

    /// <summary>A message by an agent or the system, whose id and name come with the command.</summary>
    protected Task<MessageAck> AppendAsAuthorAsync(
        string commandId, AuthorKind kind, string? authorId, string? authorName, string text, bool isInternal,
        Func<long, DateTimeOffset, ConversationEvent>? alsoChange = null)
    {
        if (kind is not (AuthorKind.Agent or AuthorKind.System))
        {
            throw DomainException.Invalid("Unknown author kind.");
        }

        var id = TextRules.Id(authorId, "An author id");
        var name = TextRules.Optional(authorName, TextRules.MaxNameLength, "An author name") ?? kind.ToString();
        return AppendAsync(commandId, kind, id, name, text, isInternal, alsoChange);
    }

    /// <summary>
    /// Stores a message and, in the same state write, the optional <paramref name="alsoChange"/>
    /// (TIC-3: a reply and a status change are one step). The caller has checked the conversation.
    /// </summary>
    protected async Task<MessageAck> AppendAsync(
        string commandId, AuthorKind kind, string authorId, string authorName, string text, bool isInternal,
        Func<long, DateTimeOffset, ConversationEvent>? alsoChange = null, IReadOnlyList<MessageAttachment>? attachments = null)
    {
        var cleaned = MessageText.Clean(text);
        if (_restoring is { } restore)
        {
            await messageStore.AppendAsync(Id, new ConversationMessage(restore.Sequence, commandId, kind, authorId, authorName, cleaned, isInternal, restore.At, attachments));
            return restore;
        }

        EnsureAcceptsMessages();
        var now = Now;
        var message = new ConversationMessage(Current.MessageCount + 1, commandId, kind, authorId, authorName, cleaned, isInternal, now, attachments);

        // The row goes first: if the process dies before the state write, the row is an
        // unacknowledged leftover that the next message with this sequence overwrites.
        await messageStore.AppendAsync(Id, message);
        Current.MessageCount = message.Sequence;
        List<Func<long, ConversationEvent>> changes = [v => new MessagePosted(Current.PropertyId, Id, v, now, message)];
        if (alsoChange is not null)
        {
            changes.Add(v => alsoChange(v, now));
        }

        var ack = new MessageAck(Id, message.Sequence, Current.Version + changes.Count, now);
        Remember(commandId, ack);
        await CommitAsync(now, touch: true, [.. changes]);
        return ack;
    }

    /// <summary>
    /// Gives each change the next version, writes the state once and publishes the events.
    /// A change may apply itself to the state as it builds its event; it runs before the write.
    /// </summary>
    protected async Task CommitAsync(DateTimeOffset now, bool touch, params Func<long, ConversationEvent>[] changes)
    {
        var events = new List<ConversationEvent>(changes.Length);
        foreach (var change in changes)
        {
            Current.Version++;
            events.Add(change(Current.Version));
        }

        if (touch)
        {
            Current.UpdatedAt = now;
        }

        OnCommitting(events);

        try
        {
            if (events.Count > 0)
            {
                await Shard(Current.PropertyId).ExpectAsync(Id, InboxRow().Kind, Current.Version);
            }

            await state.WriteStateAsync();
        }
        catch
        {
            // The state in memory is ahead of storage now; reload it on the next call.
            DeactivateOnIdle();
            throw;
        }

        // Indexed before the events go out, so a console that refetches on an event finds the change.
        if (events.Count > 0)
        {
            await IndexAsync();
        }

        foreach (var evt in events)
        {
            await this.PublishAsync(evt, logger);
        }

        await OnCommittedAsync();
    }

    /// <summary>Lets a conversation add to its state, in the same write, what its new events call for.</summary>
    protected virtual void OnCommitting(IReadOnlyList<ConversationEvent> events)
    {
    }

    /// <summary>Runs after the write and the events' publication.</summary>
    protected virtual Task OnCommittedAsync() => Task.CompletedTask;

    public Task<InboxRow?> GetInboxRowAsync() =>
        Task.FromResult(Current.Exists || Current.Bin == BinState.Purged ? InboxRow() : null);

    private IInboxShardGrain Shard(string propertyId) =>
        GrainFactory.GetGrain<IInboxShardGrain>(InboxShards.Key(propertyId, InboxShards.Of(Id)));

    /// <summary>Sends the row to its inbox shard; when that fails, a timer keeps retrying until the shard has it.</summary>
    private async Task IndexAsync()
    {
        var row = InboxRow();
        try
        {
            await Shard(row.PropertyId).UpsertAsync(row);
            _indexRetry?.Dispose();
            _indexRetry = null;
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Indexing v{Version} of {ConversationId} failed; retrying.", row.Version, Id);
            _indexRetry ??= this.RegisterGrainTimer(_ => IndexAsync(), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        }
    }

    protected ConversationChange Change() => new(Id, Current.Version, Current.Bin, Current.Tags.ToList(), Current.UpdatedAt);

    private async Task<ConversationChange> MoveAsync(string propertyId, BinState to)
    {
        EnsureKnown(propertyId);
        if (!BinTransitions.Check(Current.Bin, to))
        {
            return Change();
        }

        // Moving to or from Trash or Spam keeps UpdatedAt, so a restored item is exactly as it was (BIN-1).
        var now = Now;
        Current.Bin = to;
        await CommitAsync(now, touch: false, v => new BinChanged(Current.PropertyId, Id, v, now, to));
        return Change();
    }

    /// <summary>Like <see cref="EnsureFound"/>, but lets a purged tombstone through so the move is refused as irreversible.</summary>
    private void EnsureKnown(string propertyId)
    {
        if (Current.Bin != BinState.Purged || !string.Equals(Current.PropertyId, propertyId, StringComparison.Ordinal))
        {
            EnsureFound(propertyId);
        }
    }

    private void Remember(string commandId, MessageAck ack)
    {
        Current.RecentCommands.Add(new RecentCommand(commandId, ack));
        if (Current.RecentCommands.Count > RememberedCommands)
        {
            Current.RecentCommands.RemoveRange(0, Current.RecentCommands.Count - RememberedCommands);
        }
    }
}

using Conversations.Grains.Audit;
using Conversations.Grains.Common;
using Conversations.Grains.Interfaces.Audit;
using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Inbox;
using Conversations.Grains.Interfaces.Merging;
using Conversations.Grains.Interfaces.Realtime;
using Conversations.Grains.Interfaces.Search;
using Conversations.Grains.Messages;
using Conversations.Grains.Realtime;
using Microsoft.Extensions.Logging;

namespace Conversations.Grains.Conversations;

/// <summary>
/// What chats and tickets share, held by their grain as a field: messages (with idempotent commands), whispers, tags,
/// assignment, trash, spam, restore, purge and merge seals. Every change goes check → apply → persist → publish, one
/// version per change; the <see cref="IConversationPolicy{TState}"/> decides what the kind allows.
/// A conversation whose policy lets rows commit messages (<see cref="IConversationPolicy{TState}.RowsCommitMessages"/>)
/// commits a message with its row alone (<see cref="MessageLedger"/>): the state is written a little later
/// (<see cref="DeferredStateSave"/>), and an activation replays the rows written after the state it reads.
/// </summary>
public sealed class ConversationCore<TState>(
    Grain grain,
    IGrainFactory grains,
    IPersistentState<TState> state,
    IMessageStore messageStore,
    TimeProvider clock,
    ILogger logger,
    IConversationPolicy<TState> policy,
    IConversationFollowUps<TState> followUps)
    where TState : class, IConversationState, new()
{
    private IGrainTimer? _indexRetry;
    private IGrainTimer? _followUpSoon;
    private EventPublication? _publication;
    private RetryUntilDone? _followUps;
    private MessageLedger? _ledger;
    private DeferredStateSave? _deferredSave;

    /// <summary>Set while a retried message is written back at the place its acknowledgement names (<see cref="EnsureStoredAsync"/>).</summary>
    private MessageAck? _restoring;

    public TState Current => state.State;

    public Guid Id => grain.GetPrimaryKey();

    public DateTimeOffset Now => clock.GetUtcNow();

    public IMessageStore MessageStore => messageStore;

    public string Noun => policy.Noun;

    /// <summary>The first sequence of the visible transcript in the message log (a merge or split moves it, MRG-1).</summary>
    public long FirstSequence => policy.FirstSequence(Current);

    /// <summary>How many messages the visible transcript holds.</summary>
    public long VisibleMessageCount => Math.Max(0, Current.MessageCount - FirstSequence + 1);

    private MessageLedger Ledger => _ledger ??= new MessageLedger(Id, messageStore, () => Current, m => policy.OnMessageApplied(Current, m));

    private DeferredStateSave DeferredSave =>
        _deferredSave ??= new DeferredStateSave(grain, WriteStateAsync, () => ((IGrainBase)grain).DeactivateOnIdle(), logger);

    private EventPublication Publication => _publication ??= new EventPublication(grain, IndexAsync, logger);

    private RetryUntilDone FollowUps => _followUps ??= new RetryUntilDone(grain, "follow-up", () => HasFollowUps, RunFollowUpsAsync, logger);

    private bool Indexed => Current.Bin == BinState.Purged || (Current.Exists && policy.Listed(Current));

    private bool PurgeCleanupDue => Current.Bin == BinState.Purged && Current.PurgeCleanupDue;

    /// <summary>
    /// Whether a committed change still owes work to others: the cleanup of a purge, or what the kind adds
    /// (a chat's line in its visitor's history, a ticket's emails for its outbox). The state says so durably.
    /// </summary>
    private bool HasFollowUps => PurgeCleanupDue || followUps.Due(Current);

    /// <summary>
    /// Replays rows committed after the stored state, then pushes the row: a change written just before a crash, whose
    /// row never reached its shard, is indexed as soon as the conversation is used again (the shard ignores versions it has).
    /// </summary>
    public async Task ActivateAsync()
    {
        if (policy.RowsCommitMessages && Current.Exists)
        {
            await ReplayCommittedRowsAsync();
        }

        if (Indexed)
        {
            await IndexAsync();
        }

        if (HasFollowUps)
        {
            FollowUps.OwedSinceEarlierActivation();
            await FollowUps.TryNowAsync();
        }
    }

    public async Task DeactivateAsync(CancellationToken cancellationToken)
    {
        if (Publication.Pending)
        {
            await Publication.LastChanceAsync();
        }

        if (DeferredSave.Pending)
        {
            await DeferredSave.SaveAsync(cancellationToken);
        }
    }

    public Task ReceiveReminderAsync(string reminderName) =>
        FollowUps.IsReminder(reminderName) ? FollowUps.ReceiveReminderAsync() : Task.CompletedTask;

    public async Task<IReadOnlyList<ConversationMessage>> GetMessagesAsync(string propertyId, long afterSequence, int maxCount)
    {
        EnsureFound(propertyId);
        if (maxCount is < 1 or > 1000)
        {
            throw DomainException.Invalid("maxCount must be between 1 and 1000.");
        }

        // A merged or split ticket's transcript starts after the rows it replaced (MRG-1).
        var messages = await messageStore.ReadAsync(Id, Math.Max(FirstSequence - 1, afterSequence), maxCount);

        // Rows beyond the acknowledged count are leftovers of a crash, never shown.
        return messages.Where(m => m.Sequence <= Current.MessageCount).ToList();
    }

    public Task<MergeSource> CheckMergeAsync(string propertyId, Guid survivorId)
    {
        EnsureFound(propertyId);
        if (Current.MergedIntoId != survivorId)
        {
            EnsureMergeable(survivorId);
        }

        return Task.FromResult(MergeSourceOf());
    }

    public async Task<MergeSource> SealForMergeAsync(string propertyId, string mergeId, Guid survivorId)
    {
        EnsureFound(propertyId);
        if (Current.MergedIntoId == survivorId && Current.SealedByMergeId == mergeId)
        {
            return MergeSourceOf();
        }

        EnsureMergeable(survivorId);
        var now = Now;
        Current.MergedIntoId = survivorId;
        Current.SealedByMergeId = mergeId;
        await CommitAsync(now, touch: true, [.. policy.Seal(Current, Id, now), v => new ConversationMerged(Current.PropertyId, Id, v, now, survivorId)]);
        return MergeSourceOf();
    }

    /// <summary>What may be merged (MRG-1): a conversation in the inbox, not merged yet, not the survivor itself, and what the kind adds.</summary>
    private void EnsureMergeable(Guid survivorId)
    {
        if (survivorId == Id)
        {
            throw DomainException.Invalid("A conversation cannot be merged into itself.");
        }

        EnsureInInbox(Current.PropertyId);
        policy.EnsureMergeable(Current);
    }

    private MergeSource MergeSourceOf() => new(Id, policy.Kind, FirstSequence, Current.MessageCount, Current.Tags.ToList());

    /// <summary>
    /// Whether a conversation holds this id. Every chat start asks the ticket of its id (and every ticket creation the chat):
    /// an id nobody holds does not stay activated, or each chat would keep an empty ticket activation beside it.
    /// </summary>
    public Task<bool> IsTakenAsync()
    {
        var taken = Current.Exists || Current.Bin == BinState.Purged;
        if (!taken)
        {
            ((IGrainBase)grain).DeactivateOnIdle();
        }

        return Task.FromResult(taken);
    }

    /// <summary>
    /// Refuses to start a conversation whose id the other kind uses: both keep their messages in one partition per id,
    /// so a chat started with a ticket's id would read (and a ticket created with a chat's id overwrite) its messages.
    /// </summary>
    public async Task EnsureIdFreeOfAsync<TOther>(string what)
        where TOther : IConversationGrain
    {
        if (await grains.GetGrain<TOther>(Id).IsTakenAsync())
        {
            throw DomainException.Conflict($"This id belongs to {what}; use a new id.");
        }
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
        var before = ConversationAuditText.Of(Current.Tags);
        Current.Tags = tags;
        await CommitAsync(now, touch: true, v => new TagsChanged(Current.PropertyId, Id, v, now, tags.ToList()) { Before = before });
        return Change();
    }

    /// <summary>
    /// Sets the agent or department the conversation is assigned to (CHAT-1, TIC-6); the same assignee again changes nothing.
    /// A new assignee must be a member agent or a department of the conversation's property (ADM-4).
    /// </summary>
    public async Task ChangeAssigneeAsync(AssignConversation command)
    {
        EnsureInInbox(command.PropertyId);
        var assignee = AssigneeRules.Of(command);
        if (assignee != Current.Assignee)
        {
            if (assignee is not null)
            {
                await AssigneeRules.EnsureOfPropertyAsync(grains, Current.PropertyId, assignee);
            }

            var now = Now;
            var before = ConversationAuditText.Of(Current.Assignee);
            Current.Assignee = assignee;
            await CommitAsync(now, touch: true, v => new ConversationAssigned(Current.PropertyId, Id, v, now, assignee) { Before = before });
        }
    }

    public Task<ConversationChange> TrashAsync(string propertyId) => MoveAsync(propertyId, BinState.Trashed);

    public Task<ConversationChange> MarkSpamAsync(string propertyId) => MoveAsync(propertyId, BinState.Spam);

    public Task<ConversationChange> RestoreAsync(string propertyId) => MoveAsync(propertyId, BinState.Inbox);

    /// <summary>
    /// BIN-2: the state becomes a tombstone that owes the cleanup of everything else kept of the conversation (its message
    /// rows, and what the kind's follow-ups remove). The cleanup runs at once and, if a part of it fails, is retried
    /// until done (the caller hears of the failure; the purge itself stands). A repeated purge tries the owed cleanup again.
    /// </summary>
    public async Task PurgeAsync(string propertyId)
    {
        EnsureKnown(propertyId);
        if (BinTransitions.Check(Current.Bin, BinState.Purged))
        {
            // The commit runs the cleanup once; a repeated purge tries what is still owed again.
            var now = Now;
            var before = Current.Bin.ToString().ToLowerInvariant();
            state.State = policy.Tombstone(Current, now, cleanupDue: true);
            await CommitAsync(now, touch: false, v => new BinChanged(Current.PropertyId, Id, v, now, BinState.Purged) { Before = before });
        }
        else
        {
            await FollowUps.TryNowAsync();
        }

        if (HasFollowUps)
        {
            throw new UnavailableException($"{Noun} is purged, but removing all of it failed for now; it is retried until done.");
        }
    }

    /// <summary>NotFound unless the conversation exists, is not purged and belongs to <paramref name="propertyId"/>.</summary>
    public void EnsureFound(string propertyId)
    {
        if (!Current.Exists || Current.Bin == BinState.Purged || !string.Equals(Current.PropertyId, propertyId, StringComparison.Ordinal))
        {
            throw DomainException.NotFound(Noun);
        }
    }

    /// <summary>Changes other than moving between the inbox, Trash and Spam need the conversation in the inbox.</summary>
    public void EnsureInInbox(string propertyId)
    {
        EnsureFound(propertyId);
        if (Current.Bin != BinState.Inbox)
        {
            throw DomainException.Conflict($"{Noun} is in {(Current.Bin == BinState.Spam ? "Spam" : "Trash")}; restore it first.");
        }

        if (Current.MergedIntoId is { } survivor)
        {
            throw DomainException.Conflict($"{Noun} was merged into ticket {survivor} and is read-only; work on that ticket.");
        }
    }

    /// <summary>
    /// Runs a message command once: a retried command id gets its first acknowledgement back, even
    /// when the conversation has changed since (closed, for example). A new one needs the inbox.
    /// </summary>
    public async Task<MessageAck> PostOnceAsync(string propertyId, string? commandId, Func<Task<MessageAck>> post)
    {
        EnsureFound(propertyId);
        TextRules.Id(commandId, "A command id");
        if (Ledger.EarlierAck(commandId!) is { } earlier)
        {
            if (!policy.RowsCommitMessages)
            {
                await EnsureStoredAsync(earlier, commandId!, post);
            }

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
        if (await Ledger.HoldsAsync(ack, commandId))
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
    public Task<MessageAck> AppendAsAuthorAsync(
        string commandId, AuthorKind kind, string? authorId, string? authorName, string text, bool isInternal,
        Func<long, DateTimeOffset, ConversationEvent>? alsoChange = null, IReadOnlyList<MessageAttachment>? attachments = null)
    {
        if (kind is not (AuthorKind.Agent or AuthorKind.System))
        {
            throw DomainException.Invalid("Unknown author kind.");
        }

        var id = TextRules.Id(authorId, "An author id");
        var name = TextRules.Optional(authorName, TextRules.MaxNameLength, "An author name") ?? kind.ToString();
        return AppendAsync(commandId, kind, id, name, text, isInternal, alsoChange, attachments);
    }

    /// <summary>
    /// Stores a message and, in the same state write, the optional <paramref name="alsoChange"/>
    /// (TIC-3: a reply and a status change are one step). The caller has checked the conversation.
    /// </summary>
    public async Task<MessageAck> AppendAsync(
        string commandId, AuthorKind kind, string authorId, string authorName, string text, bool isInternal,
        Func<long, DateTimeOffset, ConversationEvent>? alsoChange = null, IReadOnlyList<MessageAttachment>? attachments = null)
    {
        attachments = CheckedAttachments(attachments);

        // A message may be only its files (a screenshot), but never nothing.
        var cleaned = attachments is not null && string.IsNullOrWhiteSpace(text) ? "" : MessageText.Clean(text);
        if (_restoring is { } restore)
        {
            await messageStore.AppendAsync(Id, new ConversationMessage(restore.Sequence, commandId, kind, authorId, authorName, cleaned, isInternal, restore.At, attachments));
            return restore;
        }

        policy.EnsureAcceptsMessages(Current);
        var now = Now;
        var message = Ledger.Next(commandId, kind, authorId, authorName, cleaned, isInternal, now, attachments);
        if (policy.RowsCommitMessages && alsoChange is null)
        {
            return await CommitByRowAsync(message) ?? await RetryAfterReplayAsync(message);
        }

        // The row goes first: if the process dies before the state write, the row is an
        // unacknowledged leftover that the next message with this sequence overwrites.
        await messageStore.AppendAsync(Id, message);
        Ledger.Count(message);
        List<Func<long, ConversationEvent>> changes = [v => new MessagePosted(Current.PropertyId, Id, v, now, message)];
        if (alsoChange is not null)
        {
            changes.Add(v => alsoChange(v, now));
        }

        var ack = new MessageAck(Id, message.Sequence, Current.Version + changes.Count, now);
        Ledger.Remember(commandId, ack);
        await CommitAsync(now, touch: true, [.. changes]);
        return ack;
    }

    /// <summary>Attachments stored before the message that lists them (by the inbound mail or an upload): a few, with names.</summary>
    private static IReadOnlyList<MessageAttachment>? CheckedAttachments(IReadOnlyList<MessageAttachment>? attachments)
    {
        if (attachments is null or { Count: 0 })
        {
            return null;
        }

        if (attachments.Count > MessageAttachment.MaxPerMessage || attachments.Any(a => string.IsNullOrWhiteSpace(a.Id) || string.IsNullOrWhiteSpace(a.Name) || a.Size < 0))
        {
            throw DomainException.Invalid($"A message holds at most {MessageAttachment.MaxPerMessage} attachments, each with an id and a name.");
        }

        return attachments;
    }

    /// <summary>
    /// Gives each change the next version, writes the state once and publishes the events.
    /// A change may apply itself to the state as it builds its event; it runs before the write.
    /// </summary>
    public async Task CommitAsync(DateTimeOffset now, bool touch, params Func<long, ConversationEvent>[] changes)
    {
        var events = new List<ConversationEvent>(changes.Length);
        var actor = AuditActors.Current;
        foreach (var change in changes)
        {
            Current.Version++;
            var evt = change(Current.Version);
            events.Add(actor is null ? evt : evt with { By = actor });
        }

        if (touch)
        {
            Current.UpdatedAt = now;
        }

        policy.OnCommitting(Current, events);

        try
        {
            if (events.Count > 0 && Indexed)
            {
                await ExpectAsync(Current.Version);
            }

            await WriteStateAsync();
            DeferredSave.Saved();
        }
        catch
        {
            // The state in memory is ahead of storage now; the next call reloads it. Nothing of it is written on the
            // way out either: messages committed by their rows are replayed from the rows, and the failed change is gone.
            grain.Forget();
            DeferredSave.Saved();
            throw;
        }

        await PublishCommittedAsync(events);
    }

    /// <summary>
    /// Commits a plain message by inserting its row; the state follows about <see cref="DeferredStateSave.SaveAfter"/> later.
    /// Null when the sequence was taken by a write that landed after its activation gave up on it.
    /// </summary>
    private async Task<MessageAck?> CommitByRowAsync(ConversationMessage message)
    {
        await ExpectAsync(Current.Version + 1);
        if (await Ledger.TryCommitByRowAsync(message) is not { } ack)
        {
            return null;
        }

        DeferredSave.Soon();
        PublishSoon(new MessagePosted(Current.PropertyId, Id, ack.Version, message.At, message));
        return ack;
    }

    /// <summary>Takes in the rows another activation committed, then answers a command they hold or posts after them.</summary>
    private async Task<MessageAck> RetryAfterReplayAsync(ConversationMessage refused)
    {
        await ReplayCommittedRowsAsync();
        if (Ledger.EarlierAck(refused.CommandId) is { } earlier)
        {
            return earlier;
        }

        policy.EnsureAcceptsMessages(Current);
        var message = refused with { Sequence = Current.MessageCount + 1, At = Now };
        return await CommitByRowAsync(message)
            ?? throw new InvalidOperationException($"Message {message.Sequence} of {Id} was taken twice in a row; the command can be retried.");
    }

    private async Task ReplayCommittedRowsAsync()
    {
        if (await Ledger.ReplayAsync() is var replayed and > 0)
        {
            DeferredSave.Soon(replayed);
        }
    }

    /// <summary>The state write; a conversation whose rows commit its messages leaves the acknowledgements out (the rows hold them).</summary>
    private Task WriteStateAsync(CancellationToken cancellationToken = default) =>
        policy.RowsCommitMessages ? Ledger.WriteWithoutAcksAsync(() => state.WriteStateAsync(cancellationToken)) : state.WriteStateAsync(cancellationToken);

    private Task ExpectAsync(long version) => Shard(Current.PropertyId).ExpectAsync(Id, policy.Kind, version);

    /// <summary>Indexes the change, then publishes its events (waited for), then does what the change owes others.</summary>
    private async Task PublishCommittedAsync(IReadOnlyList<ConversationEvent> events)
    {
        Publication.Add(events, DurableRow());
        await Publication.NowAsync();

        // The change is acknowledged whatever happens here: what it owes others is retried until done.
        await FollowUps.AfterChangeAsync();
    }

    /// <summary>
    /// A message committed by its row: its event is published beside the conversation's next calls, and what it owes
    /// others (the visitor's history) is done on a turn of its own, after the caller has its acknowledgement.
    /// </summary>
    private void PublishSoon(ConversationEvent evt)
    {
        Publication.Add([evt], DurableRow());
        Publication.Soon();
        _followUpSoon ??= grain.RegisterGrainTimer(_ =>
        {
            _followUpSoon?.Dispose();
            _followUpSoon = null;
            return FollowUps.AfterChangeAsync();
        }, TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Does the owed work; throws when a part of it failed (it is tried again later, see <see cref="RetryUntilDone"/>).</summary>
    private async Task RunFollowUpsAsync()
    {
        if (PurgeCleanupDue)
        {
            await messageStore.DeleteAllAsync(Id);
            await grains.GetGrain<IConversationSearchGrain>(Current.PropertyId).RemovePurgedAsync(Id);
            await followUps.RemovePurgedAsync(Id, Current);
            state.State = policy.Tombstone(Current, Current.UpdatedAt, cleanupDue: false);
            await grain.PersistAsync(() => WriteStateAsync());
        }

        // A change that needs no write of its own now (work done for others, remembered in the state) is written with the next save.
        if (followUps.Due(Current) && await followUps.RunAsync(Id, Current))
        {
            DeferredSave.Later();
        }
    }

    /// <summary>Tries the owed work now (when there is some); a failure is logged and retried later, not thrown.</summary>
    public Task FollowUpNowAsync() => FollowUps.TryNowAsync();

    public Task<InboxRow?> GetInboxRowAsync() => Task.FromResult(Indexed ? policy.InboxRow(Id, Current) : null);

    private IInboxShardGrain Shard(string propertyId) =>
        grains.GetGrain<IInboxShardGrain>(InboxShards.Key(propertyId, InboxShards.Of(Id)));

    /// <summary>
    /// The inbox row of the state as it is now, taken where the change is durable: the publication sends it later, beside
    /// calls that may have changed the state in memory but not yet in storage.
    /// </summary>
    private InboxRow? DurableRow() => Indexed ? policy.InboxRow(Id, Current) : null;

    private Task IndexAsync() => IndexAsync(policy.InboxRow(Id, Current));

    /// <summary>Sends the row to its inbox shard; when that fails, a timer keeps retrying until the shard has it.</summary>
    private async Task IndexAsync(InboxRow row)
    {
        try
        {
            await Shard(row.PropertyId).UpsertAsync(row);
            _indexRetry?.Dispose();
            _indexRetry = null;
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Indexing v{Version} of {ConversationId} failed; retrying.", row.Version, Id);
            _indexRetry ??= grain.RegisterGrainTimer(_ => IndexAsync(), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        }
    }

    public ConversationChange Change() => new(Id, Current.Version, Current.Bin, Current.Tags.ToList(), Current.UpdatedAt, Current.Assignee, policy.Closed(Current));

    private async Task<ConversationChange> MoveAsync(string propertyId, BinState to)
    {
        EnsureKnown(propertyId);
        if (!BinTransitions.Check(Current.Bin, to))
        {
            return Change();
        }

        // Moving to or from Trash or Spam keeps UpdatedAt, so a restored item is exactly as it was (BIN-1).
        var now = Now;
        var before = Current.Bin.ToString().ToLowerInvariant();
        Current.Bin = to;
        await CommitAsync(now, touch: false, v => new BinChanged(Current.PropertyId, Id, v, now, to) { Before = before });
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
}

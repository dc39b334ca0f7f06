using System.Security.Cryptography;
using System.Text;
using Conversations.Grains.Conversations;
using Conversations.Grains.Email;
using Conversations.Grains.Inbox;
using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Email;
using Conversations.Grains.Interfaces.Inbox;
using Conversations.Grains.Interfaces.Realtime;
using Conversations.Grains.Interfaces.Tickets;
using Conversations.Grains.Interfaces.Merging;
using Conversations.Grains.Merging;
using Conversations.Grains.Messages;
using Microsoft.Extensions.Logging;

namespace Conversations.Grains.Tickets;

public sealed class TicketGrain(
    [PersistentState("ticket", ConversationsNames.GrainStorage)] IPersistentState<TicketState> state,
    IMessageStore messageStore,
    IAttachmentStore attachments,
    EmailSettings email,
    MergeSettings merges,
    TimeProvider clock,
    ILogger<TicketGrain> logger) : ConversationGrain<TicketState>(state, messageStore, clock, logger), ITicketGrain
{
    public const int MaxSubjectLength = 200;

    /// <summary>Merge and split ids remembered as done (MRG-1): a retry within the latest ones does nothing twice.</summary>
    public const int RememberedRewrites = 64;

    /// <summary>Links to merged and split tickets kept in the state (the latest ones).</summary>
    public const int MaxLinks = 100;

    public const int MaxMergeSources = 20;

    protected override string Noun => "The ticket";

    private TicketState Ticket => Current;

    public async Task<TicketView> CreateAsync(CreateTicket command)
    {
        var fields = Validate(command.PropertyId, command.Subject, command.Requester, command.Priority);
        if (Ticket.Exists)
        {
            return IsSame(fields) ? View() : throw AlreadyExists();
        }

        await EnsureIdFreeOf<IChatGrain>("a chat");
        if (command.PreviousTicketId is { } previous)
        {
            // Linked first: a creation retried after a failure finds the link made, and the previous ticket never points nowhere for long.
            await GrainFactory.GetGrain<ITicketGrain>(previous).LinkFollowUpAsync(fields.PropertyId, Id);
        }

        // An empty first message (a blank form field) means none.
        var text = string.IsNullOrWhiteSpace(command.Text) ? null : MessageText.Clean(command.Text);
        var now = Now;
        ConversationMessage? first = null;
        if (text is not null)
        {
            var requester = fields.Requester;
            first = new ConversationMessage(1, "create", AuthorKind.Visitor, requester.VisitorId ?? requester.Email,
                requester.Name ?? requester.Email, text, IsInternal: false, now, command.Attachments);
            await MessageStore.AppendAsync(Id, first);
        }

        return await OpenAsync(fields, sourceChatId: null, command.PreviousTicketId, first is null ? 0 : 1, now,
            first is null ? [] : [v => new MessagePosted(Ticket.PropertyId, Id, v, now, first)]);
    }

    public async Task<TicketView> CreateFromChatAsync(CreateTicketFromChat command)
    {
        var fields = Validate(command.PropertyId, command.Subject, command.Requester, TicketPriority.Medium);
        if (Ticket.Exists)
        {
            // The chat's ticket, whatever subject or email a retry brings.
            return Ticket.SourceChatId == command.ChatId && Ticket.PropertyId == fields.PropertyId ? View() : throw AlreadyExists();
        }

        await EnsureIdFreeOf<IChatGrain>("a chat");

        // The copied messages list the chat's files by id: the ticket keeps its own copies, which outlive a purge of the chat.
        await attachments.CopyAllAsync(command.ChatId, Id);
        await MessageStore.CopyAsync(command.ChatId, Id, command.MessageCount);

        // CHAT-3: the ticket keeps the chat's assignee (already checked by the chat); no assignment emails, nobody was newly assigned.
        Ticket.Assignee = command.Assignee;
        return await OpenAsync(fields, command.ChatId, previousTicketId: null, command.MessageCount, Now, []);
    }

    /// <summary>
    /// MRG-1, a saga run by the survivor: (1) checks every source, (2) stores the intent, after which the merge is always
    /// completed (by this call, or by the next activation after a crash), (3) seals each source, (4) copies every message
    /// into rows after its own with deterministic keys, (5) commits the new transcript in one state write.
    /// </summary>
    public async Task<MergeResult> MergeAsync(MergeIntoTicket command)
    {
        EnsureFound(command.PropertyId);
        var mergeId = TextRules.Id(command.MergeId, "A merge id");
        await RewriteOnceAsync(command.PropertyId, mergeId,
            "This ticket is closed, and closing is irreversible: it takes no more messages, so nothing can be merged into it. Merge into an open ticket instead (a closed ticket can be merged into it and stays closed).",
            async () =>
            {
                var sources = (command.SourceIds ?? []).Distinct().ToList();
                if (sources.Count is 0 or > MaxMergeSources)
                {
                    throw DomainException.Invalid($"Name 1 to {MaxMergeSources} tickets or chats to merge into this ticket.");
                }

                if (sources.Contains(Id))
                {
                    throw DomainException.Invalid("A ticket cannot be merged into itself.");
                }

                foreach (var source in sources)
                {
                    await (await ConversationAsync(source)).CheckMergeAsync(Ticket.PropertyId, Id);
                }

                return new TranscriptRewrite { Id = mergeId, BaseSequence = Ticket.MessageCount, SourceIds = sources };
            });
        return new MergeResult(mergeId, View(), Ticket.MergedIds.ToList());
    }

    /// <summary>MRG-1 split, a saga like a merge: the intent first, then the new ticket, then this ticket's transcript without the chosen messages.</summary>
    public async Task<TicketView> SplitAsync(SplitTicket command)
    {
        EnsureFound(command.PropertyId);
        var splitId = TextRules.Id(command.SplitId, "A split id");
        await RewriteOnceAsync(command.PropertyId, splitId,
            "This ticket is closed, and closing is irreversible: it stays as it was closed, so no message can be split out of it.",
            () =>
            {
                var sequences = (command.Sequences ?? []).Distinct().Order().ToList();
                if (sequences.Count == 0)
                {
                    throw DomainException.Invalid("Choose at least one message to split out.");
                }

                if (sequences.Any(s => s < FirstSequence || s > Ticket.MessageCount))
                {
                    throw DomainException.Invalid("Only messages of this ticket can be split out.");
                }

                if (sequences.Count >= VisibleMessageCount)
                {
                    throw DomainException.Invalid("At least one message must stay in the ticket.");
                }

                var subject = TextRules.Optional(command.Subject, MaxSubjectLength, "A subject") ?? Truncated("Split from: " + Ticket.Subject);
                return Task.FromResult(new TranscriptRewrite
                {
                    Id = splitId, BaseSequence = Ticket.MessageCount, SplitSequences = sequences, SplitTicketId = SplitTicketId(splitId), SplitSubject = subject,
                });
            });
        return await GrainFactory.GetGrain<ITicketGrain>(SplitTicketId(splitId)).GetAsync(Ticket.PropertyId);
    }

    /// <summary>
    /// Runs a merge or split once per id (MRG-1): a done id changes nothing; otherwise a rewrite still pending is completed
    /// first, then <paramref name="begin"/> checks the command and names the rewrite, whose intent is stored before any
    /// other step and then completed. A closed ticket takes no rewrite (closing is irreversible).
    /// </summary>
    private async Task RewriteOnceAsync(string propertyId, string rewriteId, string closedRefusal, Func<Task<TranscriptRewrite>> begin)
    {
        EnsureFound(propertyId);
        if (!Ticket.DoneRewriteIds.Contains(rewriteId))
        {
            await CompletePendingRewriteAsync();
        }

        if (Ticket.DoneRewriteIds.Contains(rewriteId))
        {
            return;
        }

        EnsureInInbox(propertyId);
        if (Ticket.Status == TicketStatus.Closed)
        {
            throw DomainException.Irreversible(closedRefusal);
        }

        Ticket.PendingRewrite = await begin();
        await CommitAsync(Now, touch: false);
        await CompletePendingRewriteAsync();
    }

    public async Task<TicketView> CreateFromSplitAsync(CreateTicketFromSplit command)
    {
        var fields = Validate(command.PropertyId, command.Subject, command.Requester, command.Priority);
        if (Ticket.Exists)
        {
            return Ticket.SplitFromId == command.SourceTicketId && Ticket.PropertyId == fields.PropertyId ? View() : throw AlreadyExists();
        }

        await EnsureIdFreeOf<IChatGrain>("a chat");
        await Transcripts.WriteAsync(MessageStore, Id, 0, command.Messages, () => Task.CompletedTask);
        Ticket.Assignee = command.Assignee;
        Ticket.Tags = command.Tags.ToList();
        Ticket.SplitFromId = command.SourceTicketId;
        return await OpenAsync(fields, sourceChatId: null, previousTicketId: null, command.Messages.Count, Now, []);
    }

    private async Task CompletePendingRewriteAsync()
    {
        if (Ticket.PendingRewrite is { } rewrite)
        {
            await (rewrite.IsSplit ? CompleteSplitAsync(rewrite) : CompleteMergeAsync(rewrite));
        }
    }

    private async Task CompleteMergeAsync(TranscriptRewrite merge)
    {
        var sealedSources = new List<MergeSource>();
        foreach (var sourceId in merge.SourceIds)
        {
            await PauseAsync();
            try
            {
                sealedSources.Add(await (await ConversationAsync(sourceId)).SealForMergeAsync(Ticket.PropertyId, merge.Id, Id));
            }
            catch (DomainException ex)
            {
                // Changed since the check (trashed, merged elsewhere): the merge goes on without it.
                Logger.LogInformation("Merge {MergeId} into {TicketId} leaves out {SourceId}: {Reason}", merge.Id, Id, sourceId, ex.Message);
            }
        }

        List<IReadOnlyList<ConversationMessage>> parts = [await Transcripts.ReadAsync(MessageStore, Id, FirstSequence, merge.BaseSequence)];
        foreach (var source in sealedSources)
        {
            parts.Add(await Transcripts.ReadAsync(MessageStore, source.Id, source.FirstSequence, source.LastSequence));
            await attachments.CopyAllAsync(source.Id, Id);
        }

        var transcript = Transcripts.Interleave(parts);
        await Transcripts.WriteAsync(MessageStore, Id, merge.BaseSequence, transcript, PauseAsync);

        var merged = sealedSources.Select(s => s.Id).ToList();
        Ticket.Tags = Ticket.Tags.Concat(sealedSources.SelectMany(s => s.Tags)).Distinct(StringComparer.Ordinal).Take(TagRules.MaxTags).ToList();
        Ticket.MergedIds = Latest(Ticket.MergedIds.Concat(merged));
        await CommitRewriteAsync(merge, transcript.Count, merged, splitTicketId: null);
    }

    private async Task CompleteSplitAsync(TranscriptRewrite split)
    {
        var transcript = await Transcripts.ReadAsync(MessageStore, Id, FirstSequence, split.BaseSequence);
        var chosen = split.SplitSequences.ToHashSet();
        var newTicketId = split.SplitTicketId!.Value;
        await attachments.CopyAllAsync(Id, newTicketId);
        await GrainFactory.GetGrain<ITicketGrain>(newTicketId).CreateFromSplitAsync(new CreateTicketFromSplit(
            Ticket.PropertyId, Id, split.SplitSubject ?? Ticket.Subject, Ticket.Requester!, Ticket.Priority, Ticket.Tags.ToList(), Ticket.Assignee,
            transcript.Where(m => chosen.Contains(m.Sequence)).ToList()));

        var staying = transcript.Where(m => !chosen.Contains(m.Sequence)).ToList();
        await Transcripts.WriteAsync(MessageStore, Id, split.BaseSequence, staying, PauseAsync);
        Ticket.SplitIds = Latest(Ticket.SplitIds.Append(newTicketId));
        await CommitRewriteAsync(split, staying.Count, [], newTicketId);
    }

    /// <summary>The one state write that makes a merge or split visible: the new transcript, the links, and the id remembered as done.</summary>
    private async Task CommitRewriteAsync(TranscriptRewrite rewrite, int count, List<Guid> merged, Guid? splitTicketId)
    {
        var now = Now;
        Ticket.FirstSequence = rewrite.BaseSequence + 1;
        Ticket.MessageCount = rewrite.BaseSequence + count;
        Ticket.DoneRewriteIds.Add(rewrite.Id);
        if (Ticket.DoneRewriteIds.Count > RememberedRewrites)
        {
            Ticket.DoneRewriteIds.RemoveRange(0, Ticket.DoneRewriteIds.Count - RememberedRewrites);
        }

        Ticket.PendingRewrite = null;
        await CommitAsync(now, touch: true,
            v => new TranscriptRewritten(Ticket.PropertyId, Id, v, now, Ticket.FirstSequence, Ticket.MessageCount, merged, splitTicketId));
    }

    /// <summary>A conversation of either kind by id; NotFound when neither kind has it.</summary>
    private async Task<IConversationGrain> ConversationAsync(Guid id)
    {
        var ticket = GrainFactory.GetGrain<ITicketGrain>(id);
        if (await ticket.IsTakenAsync())
        {
            return ticket;
        }

        var chat = GrainFactory.GetGrain<IChatGrain>(id);
        return await chat.IsTakenAsync() ? chat : throw DomainException.NotFound("A conversation to merge");
    }

    private Task PauseAsync() => merges.PauseBetweenSteps > TimeSpan.Zero ? Task.Delay(merges.PauseBetweenSteps) : Task.CompletedTask;

    private Guid SplitTicketId(string splitId) => new(SHA256.HashData(Encoding.UTF8.GetBytes($"{Id:N}|split|{splitId}")).AsSpan(0, 16));

    private static List<Guid> Latest(IEnumerable<Guid> ids)
    {
        var list = ids.Distinct().ToList();
        return list.Count > MaxLinks ? list[^MaxLinks..] : list;
    }

    private static string Truncated(string text) => text.Length > MaxSubjectLength ? text[..MaxSubjectLength] : text;

    protected override long FirstSequence => Math.Max(1, Ticket.FirstSequence);

    /// <summary>A survivor with a merge or split of its own under way cannot be merged itself until it is done.</summary>
    protected override void EnsureMergeable(Guid survivorId)
    {
        base.EnsureMergeable(survivorId);
        if (Ticket.PendingRewrite is not null)
        {
            throw new UnavailableException("A merge or split of this ticket is being completed; retry shortly.");
        }
    }

    /// <summary>MRG-1: a merged ticket is closed (closing is irreversible: a closed one merged in stays closed, and nothing reopens).</summary>
    protected override IEnumerable<Func<long, ConversationEvent>> SealChanges(DateTimeOffset now)
    {
        if (Ticket.Status != TicketStatus.Closed)
        {
            Ticket.Status = TicketStatus.Closed;
            yield return v => new TicketStatusChanged(Ticket.PropertyId, Id, v, now, TicketStatus.Closed) { ByMerge = true };
        }
    }

    public Task<TicketView> GetAsync(string propertyId)
    {
        EnsureFound(propertyId);
        return Task.FromResult(View());
    }

    public Task<MessageAck> PostMessageAsync(PostMessage command) =>
        PostOnceAsync(command.PropertyId, command.CommandId, async () =>
        {
            await EnsureRoomForEmailsAsync();
            if (command.AuthorKind != AuthorKind.Visitor)
            {
                EnsureFilesFitOneEmail(command.Attachments);
                return await AppendAsAuthorAsync(command.CommandId, command.AuthorKind, command.AuthorId, command.AuthorName, command.Text, isInternal: false, attachments: command.Attachments);
            }

            var requester = Ticket.Requester!;
            if (requester.VisitorId is not null && requester.VisitorId != command.AuthorId)
            {
                throw DomainException.NotFound(Noun);
            }

            // An email requester's ticket may hold several requesters' threads after a merge (MRG-1): the inbound mail names the sender.
            var (authorId, authorName) = requester.VisitorId is null && !string.IsNullOrWhiteSpace(command.AuthorId)
                ? (command.AuthorId, string.IsNullOrWhiteSpace(command.AuthorName) ? command.AuthorId : command.AuthorName)
                : (requester.VisitorId ?? requester.Email, requester.Name ?? requester.Email);
            return await AppendAsync(command.CommandId, AuthorKind.Visitor, authorId, authorName, command.Text, isInternal: false, ReopenIfPending(), command.Attachments);
        });

    /// <summary>TIC-5: the requester's answer to a pending ticket sets it back to Open, in the same write as the message.</summary>
    private Func<long, DateTimeOffset, ConversationEvent>? ReopenIfPending() =>
        Ticket.Status == TicketStatus.Pending && TicketTransitions.Check(Ticket.Status, TicketStatus.Open)
            ? (v, now) =>
            {
                Ticket.Status = TicketStatus.Open;
                return new TicketStatusChanged(Ticket.PropertyId, Id, v, now, TicketStatus.Open);
            }
            : null;

    /// <summary>TIC-3: the status change, when there is one, is stored in the same write as the reply.</summary>
    public Task<MessageAck> ReplyAsync(ReplyToTicket command) =>
        PostOnceAsync(command.PropertyId, command.CommandId, async () =>
        {
            await EnsureRoomForEmailsAsync();
            EnsureFilesFitOneEmail(command.Attachments);
            Func<long, DateTimeOffset, ConversationEvent>? statusChange = null;
            if (command.SetStatus is { } status && TicketTransitions.Check(Ticket.Status, status))
            {
                statusChange = (v, now) =>
                {
                    var before = Ticket.Status.ToString().ToLowerInvariant();
                    Ticket.Status = status;
                    return new TicketStatusChanged(Ticket.PropertyId, Id, v, now, status) { Before = before };
                };
            }

            return await AppendAsAuthorAsync(command.CommandId, AuthorKind.Agent, command.AgentId, command.AgentName, command.Text, isInternal: false, statusChange, command.Attachments);
        });

    public async Task<TicketView> SetStatusAsync(string propertyId, TicketStatus status)
    {
        EnsureInInbox(propertyId);
        EnsureNoRewritePending();
        if (TicketTransitions.Check(Ticket.Status, status))
        {
            var now = Now;
            var before = Ticket.Status.ToString().ToLowerInvariant();
            Ticket.Status = status;
            await CommitAsync(now, touch: true, v => new TicketStatusChanged(Ticket.PropertyId, Id, v, now, status) { Before = before });
        }

        return View();
    }

    public async Task<TicketView> AssignAsync(AssignConversation command)
    {
        EnsureInInbox(command.PropertyId);
        await EnsureRoomForEmailsAsync();
        await ChangeAssigneeAsync(command);
        return View();
    }

    /// <summary>The most follow-ups a ticket lists; past it the oldest links are dropped (each follow-up still names this ticket).</summary>
    public const int MaxFollowUps = 100;

    /// <summary>TIC-5: linked with an event, so consoles showing this ticket list the new follow-up at once.</summary>
    public async Task LinkFollowUpAsync(string propertyId, Guid followUpTicketId)
    {
        EnsureFound(propertyId);
        var followUps = FollowUps();
        if (followUps.Contains(followUpTicketId) || followUpTicketId == Id)
        {
            return;
        }

        var now = Now;
        Ticket.FollowUpTicketIds = [.. followUps.TakeLast(MaxFollowUps - 1), followUpTicketId];
        Ticket.FollowUpTicketId = followUpTicketId;
        await CommitAsync(now, touch: false, v => new TicketFollowUpLinked(Ticket.PropertyId, Id, v, now, followUpTicketId));
    }

    private List<Guid> FollowUps() =>
        Ticket.FollowUpTicketIds.Count == 0 && Ticket.FollowUpTicketId is { } only ? [only] : Ticket.FollowUpTicketIds;

    public async Task<TicketView> SetPriorityAsync(string propertyId, TicketPriority priority)
    {
        EnsureInInbox(propertyId);
        if (!Enum.IsDefined(priority))
        {
            throw DomainException.Invalid("A priority is Lowest (1), Low (2), Medium (3), High (4) or Highest (5).");
        }

        if (priority != Ticket.Priority)
        {
            var now = Now;
            var before = Ticket.Priority.ToString().ToLowerInvariant();
            Ticket.Priority = priority;
            await CommitAsync(now, touch: true, v => new TicketPriorityChanged(Ticket.PropertyId, Id, v, now, priority) { Before = before });
        }

        return View();
    }

    /// <summary>The emails are stored with the change that calls for them, so none is lost between the write and the outbox.</summary>
    protected override void OnCommitting(IReadOnlyList<ConversationEvent> events)
    {
        if (email.SendsMail && Ticket.Requester is { } requester)
        {
            Ticket.PendingEmails.AddRange(TicketEmails.For(Ticket.Subject, requester, Ticket.Assignee, events));
        }
    }

    /// <summary>Emails waiting in the state are owed to the outbox: handed over after each change and retried until it takes them.</summary>
    protected override bool HasFollowUps => base.HasFollowUps || Ticket.PendingEmails.Count > 0 || Ticket.PendingRewrite is not null;

    protected override async Task RunFollowUpsAsync()
    {
        await base.RunFollowUpsAsync();
        await CompletePendingRewriteAsync();
        if (Ticket.PendingEmails.Count > 0)
        {
            await TicketEmails.HandOffAsync(GrainFactory, Id, Ticket.PropertyId, Ticket.PendingEmails);
            SaveLater();
        }
    }

    /// <summary>
    /// Back-pressure instead of loss: while <see cref="EmailSettings.MaxEmailsWaitingPerTicket"/> emails wait for an outbox that
    /// does not take them, a change that may call for more is refused before anything is stored (a change adds at most two).
    /// </summary>
    private async Task EnsureRoomForEmailsAsync()
    {
        if (Ticket.PendingEmails.Count < email.MaxEmailsWaitingPerTicket)
        {
            return;
        }

        await FollowUpNowAsync();
        if (Ticket.PendingEmails.Count >= email.MaxEmailsWaitingPerTicket)
        {
            throw new UnavailableException(
                $"This ticket has {Ticket.PendingEmails.Count} emails waiting for its outbox, which takes no more for now; retry with the same command id shortly.");
        }
    }

    /// <summary>A reply's files go to the requester in one email, so together they fit its limit; refused with the sizes otherwise.</summary>
    private void EnsureFilesFitOneEmail(IReadOnlyList<MessageAttachment>? files)
    {
        var total = files?.Sum(f => f.Size) ?? 0;
        if (total > email.MaxEmailAttachmentBytes)
        {
            throw DomainException.Invalid(
                $"A reply's files are emailed to the requester, at most {EmailTemplates.Size(email.MaxEmailAttachmentBytes)} together; " +
                $"these come to {EmailTemplates.Size(total)}. Send some of them in another reply.");
        }
    }

    /// <summary>BIN-2: the files of its messages, its outbox (pending and recently sent emails) and its dead letters go with a purged ticket.</summary>
    protected override async Task OnPurgedAsync(TicketState tombstone)
    {
        await attachments.DeleteAllAsync(Id);
        await GrainFactory.GetGrain<IEmailOutboxGrain>(Id).PurgeAsync();
        await GrainFactory.GetGrain<IEmailDeadLettersGrain>(tombstone.PropertyId).ForgetTicketAsync(Id);
    }

    protected override void EnsureAcceptsMessages()
    {
        EnsureNoRewritePending();
        if (Ticket.Status == TicketStatus.Closed)
        {
            throw DomainException.Conflict("This ticket is closed and takes no more messages; a new message opens a new ticket.");
        }
    }

    private async Task<TicketView> OpenAsync(
        TicketFields fields, Guid? sourceChatId, Guid? previousTicketId, long messageCount, DateTimeOffset now, List<Func<long, ConversationEvent>> alsoChanges)
    {
        Ticket.PropertyId = fields.PropertyId;
        Ticket.Subject = fields.Subject;
        Ticket.Requester = fields.Requester;
        Ticket.Priority = fields.Priority;
        Ticket.Status = TicketStatus.Open;
        Ticket.SourceChatId = sourceChatId;
        Ticket.PreviousTicketId = previousTicketId;
        Ticket.MessageCount = messageCount;
        Ticket.CreatedAt = now;
        await CommitAsync(now, touch: true,
        [
            v => new TicketCreated(Ticket.PropertyId, Id, v, now, Ticket.Subject, fields.Requester, Ticket.Priority, sourceChatId),
            .. alsoChanges,
        ]);
        return View();
    }

    /// <summary>While a merge or split is under way its rows are being written after the last one: nothing else may take them.</summary>
    private void EnsureNoRewritePending()
    {
        if (Ticket.PendingRewrite is not null)
        {
            throw new UnavailableException("A merge or split of this ticket is being completed; retry shortly.");
        }
    }

    protected override InboxRow InboxRow() => InboxRows.Of(Id, Ticket, VisibleMessageCount);

    protected override ConversationKind Kind => ConversationKind.Ticket;

    private TicketFields Validate(string propertyId, string subject, TicketRequester? requester, TicketPriority priority)
    {
        TextRules.Id(propertyId, "A property id");
        if (Ticket.Bin == BinState.Purged)
        {
            throw DomainException.Irreversible("This ticket was purged, and purging is irreversible: its id cannot be used again.");
        }

        if (requester is null)
        {
            throw DomainException.Invalid("A ticket needs a requester with an email address.");
        }

        if (!Enum.IsDefined(priority))
        {
            throw DomainException.Invalid("A priority is Lowest (1), Low (2), Medium (3), High (4) or Highest (5).");
        }

        var cleanRequester = new TicketRequester(
            requester.VisitorId is null ? null : TextRules.Id(requester.VisitorId, "A visitor id"),
            TextRules.Optional(requester.Name, TextRules.MaxNameLength, "A requester name"),
            TextRules.Email(requester.Email));
        return new TicketFields(propertyId, TextRules.Required(subject, MaxSubjectLength, "A subject"), cleanRequester, priority);
    }

    private bool IsSame(TicketFields fields) =>
        Ticket.PropertyId == fields.PropertyId && Ticket.Subject == fields.Subject &&
        Ticket.Requester == fields.Requester && Ticket.SourceChatId is null;

    private static DomainException AlreadyExists() => DomainException.Conflict("A different ticket with this id already exists.");

    private TicketView View() => new(
        Id, Ticket.PropertyId, Ticket.Subject, Ticket.Requester!, Ticket.Status, Ticket.Assignee, Ticket.Priority,
        Ticket.Tags.ToList(), Ticket.Bin, VisibleMessageCount, Ticket.SourceChatId, Ticket.CreatedAt, Ticket.UpdatedAt, Ticket.Version,
        Ticket.PreviousTicketId, Ticket.FollowUpTicketId, FollowUps().ToList(), Ticket.MergedIntoId, Ticket.MergedIds.ToList(), Ticket.SplitFromId, Ticket.SplitIds.ToList());
}

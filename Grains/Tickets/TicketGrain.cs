using Conversations.Grains.Conversations;
using Conversations.Grains.Email;
using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Email;
using Conversations.Grains.Interfaces.Inbox;
using Conversations.Grains.Interfaces.Merging;
using Conversations.Grains.Interfaces.Realtime;
using Conversations.Grains.Interfaces.Tickets;
using Conversations.Grains.Messages;
using Microsoft.Extensions.Logging;

namespace Conversations.Grains.Tickets;

/// <summary>
/// An email ticket: <see cref="ITicketGrain"/> on the shared <see cref="ConversationCore{TState}"/> under the <see cref="TicketPolicy"/>,
/// with <see cref="TicketOpening"/> for its creation and <see cref="TicketRewrites"/> for merges and splits.
/// </summary>
public sealed class TicketGrain : Grain, ITicketGrain, IRemindable
{
    public const int MaxSubjectLength = TicketPolicy.MaxSubjectLength;

    /// <summary>The most follow-ups a ticket lists; past it the oldest links are dropped (each follow-up still names this ticket).</summary>
    public const int MaxFollowUps = 100;

    private readonly TicketPolicy _policy;
    private readonly ConversationCore<TicketState> _core;
    private readonly TicketOpening _opening;
    private readonly TicketRewrites _rewrites;

    public TicketGrain(
        [PersistentState("ticket", ConversationsNames.GrainStorage)] IPersistentState<TicketState> state,
        IMessageStore messageStore,
        IAttachmentStore attachments,
        EmailSettings email,
        MergeSettings merges,
        IGrainFactory grains,
        TimeProvider clock,
        ILogger<TicketGrain> logger)
    {
        _policy = new TicketPolicy(email);
        _core = new(this, grains, state, messageStore, clock, logger, _policy, new TicketFollowUps(grains, attachments, () => _rewrites!.CompletePendingAsync()));
        _opening = new TicketOpening(_core, grains, attachments);
        _rewrites = new TicketRewrites(_core, grains, attachments, merges, logger);
    }

    private TicketState Ticket => _core.Current;

    private Guid Id => _core.Id;

    public override Task OnActivateAsync(CancellationToken cancellationToken) => _core.ActivateAsync();

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => _core.DeactivateAsync(cancellationToken);

    public Task ReceiveReminder(string reminderName, TickStatus status) => _core.ReceiveReminderAsync(reminderName);

    public async Task<TicketView> CreateAsync(CreateTicket command)
    {
        await _opening.CreateAsync(command);
        return View();
    }

    public async Task<TicketView> CreateFromChatAsync(CreateTicketFromChat command)
    {
        await _opening.CreateFromChatAsync(command);
        return View();
    }

    public async Task<TicketView> CreateFromSplitAsync(CreateTicketFromSplit command)
    {
        await _opening.CreateFromSplitAsync(command);
        return View();
    }

    public Task<TicketView> GetAsync(string propertyId)
    {
        _core.EnsureFound(propertyId);
        return Task.FromResult(View());
    }

    public Task<MessageAck> PostMessageAsync(PostMessage command) =>
        _core.PostOnceAsync(command.PropertyId, command.CommandId, async () =>
        {
            await EnsureRoomForEmailsAsync();
            if (command.AuthorKind != AuthorKind.Visitor)
            {
                _policy.EnsureFilesFitOneEmail(command.Attachments);
                return await _core.AppendAsAuthorAsync(command.CommandId, command.AuthorKind, command.AuthorId, command.AuthorName, command.Text, isInternal: false, attachments: command.Attachments);
            }

            await LinkRequesterProfileAsync(command.AuthorId);
            var (authorId, authorName) = _policy.Requester(Ticket, command.AuthorId, command.AuthorName);
            var reopen = TicketPolicy.ReopensOnRequesterMessage(Ticket) ? StatusChange(TicketStatus.Open, withBefore: false) : null;
            return await _core.AppendAsync(command.CommandId, AuthorKind.Visitor, authorId, authorName, command.Text, isInternal: false, reopen, command.Attachments);
        });

    /// <summary>TIC-3: the status change, when there is one, is stored in the same write as the reply.</summary>
    public Task<MessageAck> ReplyAsync(ReplyToTicket command) =>
        _core.PostOnceAsync(command.PropertyId, command.CommandId, async () =>
        {
            await EnsureRoomForEmailsAsync();
            _policy.EnsureFilesFitOneEmail(command.Attachments);
            var statusChange = command.SetStatus is { } status && TicketPolicy.ChangesStatus(Ticket.Status, status) ? StatusChange(status, withBefore: true) : null;
            return await _core.AppendAsAuthorAsync(command.CommandId, AuthorKind.Agent, command.AgentId, command.AgentName, command.Text, isInternal: false, statusChange, command.Attachments);
        });

    public async Task<TicketView> SetStatusAsync(string propertyId, TicketStatus status)
    {
        _core.EnsureInInbox(propertyId);
        TicketPolicy.EnsureNoRewritePending(Ticket);
        if (TicketPolicy.ChangesStatus(Ticket.Status, status))
        {
            var now = _core.Now;
            var change = StatusChange(status, withBefore: true);
            await _core.CommitAsync(now, touch: true, v => change(v, now));
        }

        return View();
    }

    public async Task<ConversationChange> AssignAsync(AssignConversation command)
    {
        _core.EnsureInInbox(command.PropertyId);
        await EnsureRoomForEmailsAsync();
        await _core.ChangeAssigneeAsync(command);
        return _core.Change();
    }

    /// <summary>TIC-5: linked with an event, so consoles showing this ticket list the new follow-up at once.</summary>
    public async Task LinkFollowUpAsync(string propertyId, Guid followUpTicketId)
    {
        _core.EnsureFound(propertyId);
        var followUps = FollowUpTickets();
        if (followUps.Contains(followUpTicketId) || followUpTicketId == Id)
        {
            return;
        }

        var now = _core.Now;
        Ticket.FollowUpTicketIds = [.. followUps.TakeLast(MaxFollowUps - 1), followUpTicketId];
        Ticket.FollowUpTicketId = followUpTicketId;
        await _core.CommitAsync(now, touch: false, v => new TicketFollowUpLinked(Ticket.PropertyId, Id, v, now, followUpTicketId));
    }

    public async Task<TicketView> SetPriorityAsync(string propertyId, TicketPriority priority)
    {
        _core.EnsureInInbox(propertyId);
        TicketPolicy.EnsurePriority(priority);
        if (priority != Ticket.Priority)
        {
            var now = _core.Now;
            var before = Ticket.Priority.ToString().ToLowerInvariant();
            Ticket.Priority = priority;
            await _core.CommitAsync(now, touch: true, v => new TicketPriorityChanged(Ticket.PropertyId, Id, v, now, priority) { Before = before });
        }

        return View();
    }

    public async Task<MergeResult> MergeAsync(MergeIntoTicket command)
    {
        var mergeId = await _rewrites.MergeAsync(command);
        return new MergeResult(mergeId, View(), Ticket.MergedIds.ToList());
    }

    public async Task<TicketView> SplitAsync(SplitTicket command) =>
        await GrainFactory.GetGrain<ITicketGrain>(await _rewrites.SplitAsync(command)).GetAsync(Ticket.PropertyId);

    public Task<IReadOnlyList<ConversationMessage>> GetMessagesAsync(string propertyId, long afterSequence, int maxCount) => _core.GetMessagesAsync(propertyId, afterSequence, maxCount);

    public Task<MessageAck> WhisperAsync(PostWhisper command) => _core.WhisperAsync(command);

    public Task<ConversationChange> ChangeTagsAsync(ChangeTags command) => _core.ChangeTagsAsync(command);

    public Task<ConversationChange> TrashAsync(string propertyId) => _core.TrashAsync(propertyId);

    public Task<ConversationChange> MarkSpamAsync(string propertyId) => _core.MarkSpamAsync(propertyId);

    public Task<ConversationChange> RestoreAsync(string propertyId) => _core.RestoreAsync(propertyId);

    public Task PurgeAsync(string propertyId) => _core.PurgeAsync(propertyId);

    public Task<bool> IsTakenAsync() => _core.IsTakenAsync();

    public Task<InboxRow?> GetInboxRowAsync() => _core.GetInboxRowAsync();

    public Task<MergeSource> CheckMergeAsync(string propertyId, Guid survivorId) => _core.CheckMergeAsync(propertyId, survivorId);

    public Task<MergeSource> SealForMergeAsync(string propertyId, string mergeId, Guid survivorId) => _core.SealForMergeAsync(propertyId, mergeId, survivorId);

    /// <summary>
    /// VIS-1, VIS-5: a ticket opened before requesters had profiles gets the profile of its requester's address when they
    /// write again; the link is stored with their message.
    /// </summary>
    private async Task LinkRequesterProfileAsync(string? authorId)
    {
        _policy.EnsureAcceptsMessages(Ticket);
        var requester = Ticket.Requester!;
        if (requester.VisitorId is null && (string.IsNullOrWhiteSpace(authorId) || string.Equals(authorId, requester.Email, StringComparison.OrdinalIgnoreCase))
            && await TicketOpening.RequesterProfileAsync(GrainFactory, Ticket.PropertyId, requester) is { } visitorId)
        {
            Ticket.Requester = requester with { VisitorId = visitorId };
            Ticket.RequesterByEmail = true;
        }
    }

    /// <summary>Sets the status as the change is committed (so with the version it gets); a requester's reopening names no earlier status.</summary>
    private Func<long, DateTimeOffset, ConversationEvent> StatusChange(TicketStatus status, bool withBefore) => (v, now) =>
    {
        var before = Ticket.Status.ToString().ToLowerInvariant();
        Ticket.Status = status;
        var changed = new TicketStatusChanged(Ticket.PropertyId, Id, v, now, status);
        return withBefore ? changed with { Before = before } : changed;
    };

    /// <summary>Emails backed up for an outbox that takes none (<see cref="TicketPolicy.EmailsBackedUp"/>): one more hand-over is tried before the change is refused.</summary>
    private async Task EnsureRoomForEmailsAsync()
    {
        if (_policy.EmailsBackedUp(Ticket))
        {
            await _core.FollowUpNowAsync();
            _policy.EnsureRoomForEmails(Ticket);
        }
    }

    private List<Guid> FollowUpTickets() =>
        Ticket.FollowUpTicketIds.Count == 0 && Ticket.FollowUpTicketId is { } only ? [only] : Ticket.FollowUpTicketIds;

    private TicketView View() => new(
        Id, Ticket.PropertyId, Ticket.Subject, Ticket.Requester!, Ticket.Status, Ticket.Assignee, Ticket.Priority,
        Ticket.Tags.ToList(), Ticket.Bin, _core.VisibleMessageCount, Ticket.SourceChatId, Ticket.CreatedAt, Ticket.UpdatedAt, Ticket.Version,
        Ticket.PreviousTicketId, Ticket.FollowUpTicketId, FollowUpTickets().ToList(), Ticket.MergedIntoId, Ticket.MergedIds.ToList(), Ticket.SplitFromId, Ticket.SplitIds.ToList());
}

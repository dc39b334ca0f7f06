using Conversations.Grains.Conversations;
using Conversations.Grains.Email;
using Conversations.Grains.Inbox;
using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Email;
using Conversations.Grains.Interfaces.Inbox;
using Conversations.Grains.Interfaces.Realtime;
using Conversations.Grains.Interfaces.Tickets;
using Conversations.Grains.Messages;
using Microsoft.Extensions.Logging;

namespace Conversations.Grains.Tickets;

public sealed class TicketGrain(
    [PersistentState("ticket", ConversationsNames.GrainStorage)] IPersistentState<TicketState> state,
    IMessageStore messageStore,
    IAttachmentStore attachments,
    EmailSettings email,
    TimeProvider clock,
    ILogger<TicketGrain> logger) : ConversationGrain<TicketState>(state, messageStore, clock, logger), ITicketGrain
{
    public const int MaxSubjectLength = 200;

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
            return requester.VisitorId is null || requester.VisitorId == command.AuthorId
                ? await AppendAsync(command.CommandId, AuthorKind.Visitor, requester.VisitorId ?? requester.Email, requester.Name ?? requester.Email, command.Text, isInternal: false,
                    ReopenIfPending(), command.Attachments)
                : throw DomainException.NotFound(Noun);
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
    protected override bool HasFollowUps => base.HasFollowUps || Ticket.PendingEmails.Count > 0;

    protected override async Task RunFollowUpsAsync()
    {
        await base.RunFollowUpsAsync();
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

    protected override InboxRow InboxRow() => InboxRows.Of(Id, Ticket);

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
        Ticket.Tags.ToList(), Ticket.Bin, Ticket.MessageCount, Ticket.SourceChatId, Ticket.CreatedAt, Ticket.UpdatedAt, Ticket.Version,
        Ticket.PreviousTicketId, Ticket.FollowUpTicketId, FollowUps().ToList());
}

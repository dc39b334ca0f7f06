using System.Net.Mail;
using Conversations.Grains.Conversations;
using Conversations.Grains.Email;
using Conversations.Grains.Inbox;
using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Inbox;
using Conversations.Grains.Interfaces.Realtime;
using Conversations.Grains.Interfaces.Tickets;
using Conversations.Grains.Interfaces.Visitors;
using Conversations.Grains.Messages;
using Microsoft.Extensions.Logging;

namespace Conversations.Grains.Chats;

public sealed class ChatGrain(
    [PersistentState("chat", ConversationsNames.GrainStorage)] IPersistentState<ChatState> state,
    IMessageStore messageStore,
    IAttachmentStore attachments,
    TimeProvider clock,
    ILogger<ChatGrain> logger) : ConversationGrain<ChatState>(state, messageStore, clock, logger), IChatGrain
{
    public const int MaxCommentLength = 1000;
    public const int MaxSubjectLength = 200;

    protected override string Noun => "The chat";

    protected override bool MessageRowsCommit => true;

    /// <summary>INB-1: a chat enters the inbox with its first message.</summary>
    protected override bool Listed => Chat.MessageCount > 0;

    private ChatState Chat => Current;

    public async Task<ChatView> StartAsync(StartChat command)
    {
        TextRules.Id(command.PropertyId, "A property id");
        TextRules.Id(command.VisitorId, "A visitor id");
        if (Chat.Bin == BinState.Purged)
        {
            throw DomainException.Irreversible("This chat was purged, and purging is irreversible: its id cannot be used again.");
        }

        var name = TextRules.Optional(command.VisitorName, TextRules.MaxNameLength, "A name") ?? "Visitor";
        if (Chat.Exists)
        {
            EnsureFound(command.PropertyId);
            return Chat.VisitorId == command.VisitorId
                ? VisitorView()
                : throw DomainException.NotFound("The chat");
        }

        await EnsureIdFreeOf<ITicketGrain>("a ticket");

        // CHAT-3: the email the visitor gave before the chat (the widget's pre-chat form) is the chat's, so converting it asks for nothing.
        var email = await KnownEmailAsync(command.PropertyId, command.VisitorId);
        var now = Now;
        Chat.PropertyId = command.PropertyId;
        Chat.VisitorId = command.VisitorId;
        Chat.VisitorName = name;
        Chat.VisitorEmail = email;
        Chat.Status = ChatStatus.Open;
        Chat.CreatedAt = now;
        await CommitAsync(now, touch: true, v => new ChatStarted(Chat.PropertyId, Id, v, now, Chat.VisitorId, Chat.VisitorName));
        return VisitorView();
    }

    public Task<MessageAck> PostMessageAsync(PostMessage command) =>
        PostOnceAsync(command.PropertyId, command.CommandId, () => command.AuthorKind == AuthorKind.Visitor
            ? command.AuthorId == Chat.VisitorId
                ? AppendAsync(command.CommandId, AuthorKind.Visitor, Chat.VisitorId, Chat.VisitorName, command.Text, isInternal: false, attachments: command.Attachments)
                : throw DomainException.NotFound(Noun)
            : AppendAsAuthorAsync(command.CommandId, command.AuthorKind, command.AuthorId, command.AuthorName, command.Text, isInternal: false, attachments: command.Attachments));

    public Task<ChatView> GetAsync(string propertyId)
    {
        EnsureFound(propertyId);
        return Task.FromResult(View());
    }

    public async Task<ChatView> CloseAsync(string propertyId)
    {
        EnsureInInbox(propertyId);
        if (ChatTransitions.Check(Chat.Status, ChatStatus.Closed))
        {
            var now = Now;
            Chat.Status = ChatStatus.Closed;
            await CommitAsync(now, touch: true, v => new ChatClosed(Chat.PropertyId, Id, v, now));
        }

        return View();
    }

    public async Task<ChatView> RateAsync(RateChat command)
    {
        EnsureInInbox(command.PropertyId);
        if (command.VisitorId != Chat.VisitorId)
        {
            throw DomainException.NotFound(Noun);
        }

        if (command.Value is not (ChatRatingValue.Good or ChatRatingValue.Bad))
        {
            throw DomainException.Invalid("A rating is either Good (1) or Bad (2).");
        }

        var now = Now;
        var rating = new ChatRating(command.Value, TextRules.Optional(command.Comment, MaxCommentLength, "A rating comment"), now);
        Chat.Rating = rating;
        await CommitAsync(now, touch: true, v => new ChatRated(Chat.PropertyId, Id, v, now, rating));
        return View();
    }

    public async Task<ChatView> AssignAsync(AssignConversation command)
    {
        await ChangeAssigneeAsync(command);
        return View();
    }

    public async Task<TicketView> ConvertToTicketAsync(ConvertChatToTicket command)
    {
        EnsureInInbox(command.PropertyId);
        if (Chat.TicketId is { } converted)
        {
            return await GrainFactory.GetGrain<ITicketGrain>(converted).GetAsync(Chat.PropertyId);
        }

        var email = command.VisitorEmail is { } given && !string.IsNullOrWhiteSpace(given)
            ? TextRules.Email(given)
            : Chat.VisitorEmail ?? await KnownEmailAsync(Chat.PropertyId, Chat.VisitorId) ?? throw DomainException.Invalid(
                "A ticket needs the visitor's email, and this chat does not know it yet: give the visitor's email to convert the chat.");
        var subject = TextRules.Optional(command.Subject, MaxSubjectLength, "A subject") ?? $"Chat with {Chat.VisitorName}";

        // The ticket id is stored before the ticket is made, so a conversion retried after a crash
        // finds the ticket it already created instead of making a second one. No visible change, no event.
        if (Chat.PendingTicketId is null)
        {
            Chat.PendingTicketId = Guid.NewGuid();
            await CommitAsync(Now, touch: false);
        }

        var ticket = await GrainFactory.GetGrain<ITicketGrain>(Chat.PendingTicketId.Value).CreateFromChatAsync(new CreateTicketFromChat(
            Chat.PropertyId, Id, Chat.MessageCount, subject, new TicketRequester(Chat.VisitorId, Chat.VisitorName, email), Chat.Assignee));

        var now = Now;
        Chat.TicketId = ticket.Id;
        Chat.VisitorEmail = email;
        await CommitAsync(now, touch: true, v => new ChatConvertedToTicket(Chat.PropertyId, Id, v, now, ticket.Id));
        return ticket;
    }

    /// <summary>MRG-1: a chat merged into a ticket is closed (irreversibly, as every close), so its visitor's next message starts a new chat.</summary>
    protected override IEnumerable<Func<long, ConversationEvent>> SealChanges(DateTimeOffset now)
    {
        if (Chat.Status == ChatStatus.Open)
        {
            Chat.Status = ChatStatus.Closed;
            yield return v => new ChatClosed(Chat.PropertyId, Id, v, now) { ByMerge = true };
        }
    }

    protected override void OnMessageApplied(ConversationMessage message)
    {
        if (message.AuthorKind == AuthorKind.Visitor)
        {
            Chat.LastVisitorMessageAt = message.At;
        }
    }

    /// <summary>
    /// The visitor's history shows the chat with its status and last activity (the visitor's latest message, or the start; VIS-5).
    /// What the history has taken is kept in the state, so an update that failed is owed, and retried until done.
    /// </summary>
    private bool VisitorHistoryDue =>
        Chat.Exists && Chat.Bin != BinState.Purged && (Chat.HistoryStatus != Chat.Status || Chat.HistoryActivityAt != LastActivity);

    private DateTimeOffset LastActivity => Chat.LastVisitorMessageAt ?? Chat.CreatedAt;

    protected override bool HasFollowUps => base.HasFollowUps || VisitorHistoryDue;

    protected override async Task RunFollowUpsAsync()
    {
        await base.RunFollowUpsAsync();
        if (VisitorHistoryDue)
        {
            var (status, at) = (Chat.Status, LastActivity);
            await Visitor(Chat).LinkConversationAsync(new ConversationLink(Id, Interfaces.Visitors.ConversationKind.Chat, status.ToString(), Chat.CreatedAt, at));
            Chat.HistoryStatus = status;
            Chat.HistoryActivityAt = at;
            SaveLater();
        }
    }

    protected override ChatState Tombstone(DateTimeOffset now, bool cleanupDue)
    {
        var tombstone = base.Tombstone(now, cleanupDue);
        tombstone.VisitorId = cleanupDue ? Chat.VisitorId : "";
        return tombstone;
    }

    /// <summary>BIN-2: the files uploaded to a purged chat go with it, and its line in the visitor's history.</summary>
    protected override async Task OnPurgedAsync(ChatState tombstone)
    {
        await attachments.DeleteAllAsync(Id);
        if (tombstone.VisitorId.Length > 0)
        {
            await Visitor(tombstone).ForgetConversationAsync(Id);
        }
    }

    /// <summary>The email on the visitor's profile (VIS-1), if there is a profile and a valid email on it.</summary>
    private async Task<string?> KnownEmailAsync(string propertyId, string visitorId)
    {
        try
        {
            var email = (await GrainFactory.GetGrain<IVisitorGrain>(VisitorKey.For(propertyId, visitorId)).GetAsync()).About.Email;
            return email is not null && MailAddress.TryCreate(email, out var address) && address.Address == email ? email : null;
        }
        catch (DomainException ex) when (ex.Code == DomainErrorCode.NotFound)
        {
            return null;
        }
    }

    private IVisitorGrain Visitor(ChatState chat) => GrainFactory.GetGrain<IVisitorGrain>(VisitorKey.For(chat.PropertyId, chat.VisitorId));

    protected override void EnsureAcceptsMessages()
    {
        if (Chat.Status != ChatStatus.Open)
        {
            throw DomainException.Conflict("This chat is closed; a new message starts a new chat.");
        }
    }

    protected override InboxRow InboxRow() => InboxRows.Of(Id, Chat);

    protected override Interfaces.Inbox.ConversationKind Kind => Interfaces.Inbox.ConversationKind.Chat;

    /// <summary>What the visitor may see: no tags, no ticket link, no assignee, and no sign of Trash or Spam.</summary>
    private ChatView VisitorView() => View() with { Tags = [], TicketId = null, Bin = BinState.Inbox, Assignee = null, MergedIntoId = null };

    private ChatView View() => new(
        Id, Chat.PropertyId, Chat.VisitorId, Chat.VisitorName, Chat.Status, Chat.MessageCount,
        Chat.CreatedAt, Chat.UpdatedAt, Chat.Version, Chat.Bin, Chat.Tags.ToList(), Chat.Rating, Chat.TicketId, Chat.VisitorEmail, Chat.Assignee, Chat.MergedIntoId);
}

using System.Net.Mail;
using Conversations.Grains.Conversations;
using Conversations.Grains.Email;
using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Inbox;
using Conversations.Grains.Interfaces.Merging;
using Conversations.Grains.Interfaces.Realtime;
using Conversations.Grains.Interfaces.Tickets;
using Conversations.Grains.Interfaces.Visitors;
using Conversations.Grains.Messages;
using Microsoft.Extensions.Logging;

namespace Conversations.Grains.Chats;

/// <summary>A live chat: <see cref="IChatGrain"/> on the shared <see cref="ConversationCore{TState}"/> under the <see cref="ChatPolicy"/>.</summary>
public sealed class ChatGrain : Grain, IChatGrain, IRemindable
{
    public const int MaxCommentLength = 1000;
    public const int MaxSubjectLength = 200;

    private readonly ConversationCore<ChatState> _core;

    public ChatGrain(
        [PersistentState("chat", ConversationsNames.GrainStorage)] IPersistentState<ChatState> state,
        IMessageStore messageStore,
        IAttachmentStore attachments,
        IGrainFactory grains,
        TimeProvider clock,
        ILogger<ChatGrain> logger) =>
        _core = new(this, grains, state, messageStore, clock, logger, ChatPolicy.Instance, new ChatFollowUps(grains, attachments));

    private ChatState Chat => _core.Current;

    private Guid Id => _core.Id;

    public override Task OnActivateAsync(CancellationToken cancellationToken) => _core.ActivateAsync();

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => _core.DeactivateAsync(cancellationToken);

    public Task ReceiveReminder(string reminderName, TickStatus status) => _core.ReceiveReminderAsync(reminderName);

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
            _core.EnsureFound(command.PropertyId);
            return Chat.VisitorId == command.VisitorId ? VisitorView() : throw DomainException.NotFound("The chat");
        }

        await _core.EnsureIdFreeOfAsync<ITicketGrain>("a ticket");

        // CHAT-3: the email the visitor gave before the chat (the widget's pre-chat form) is the chat's, so converting it asks for nothing.
        var email = await KnownEmailAsync(command.PropertyId, command.VisitorId);
        var now = _core.Now;
        (Chat.PropertyId, Chat.VisitorId, Chat.VisitorName, Chat.VisitorEmail) = (command.PropertyId, command.VisitorId, name, email);
        Chat.Status = ChatStatus.Open;
        Chat.CreatedAt = now;
        await _core.CommitAsync(now, touch: true, v => new ChatStarted(Chat.PropertyId, Id, v, now, Chat.VisitorId, Chat.VisitorName));
        return VisitorView();
    }

    public Task<MessageAck> PostMessageAsync(PostMessage command) =>
        _core.PostOnceAsync(command.PropertyId, command.CommandId, () =>
        {
            if (command.AuthorKind != AuthorKind.Visitor)
            {
                return _core.AppendAsAuthorAsync(command.CommandId, command.AuthorKind, command.AuthorId, command.AuthorName, command.Text, isInternal: false, attachments: command.Attachments);
            }

            var (visitorId, visitorName) = ChatPolicy.Instance.Visitor(Chat, command.AuthorId);
            return _core.AppendAsync(command.CommandId, AuthorKind.Visitor, visitorId, visitorName, command.Text, isInternal: false, attachments: command.Attachments);
        });

    public Task<ChatView> GetAsync(string propertyId)
    {
        _core.EnsureFound(propertyId);
        return Task.FromResult(View());
    }

    public async Task<ChatView> CloseAsync(string propertyId)
    {
        _core.EnsureInInbox(propertyId);
        if (ChatPolicy.ChangesStatus(Chat.Status, ChatStatus.Closed))
        {
            var now = _core.Now;
            Chat.Status = ChatStatus.Closed;
            await _core.CommitAsync(now, touch: true, v => new ChatClosed(Chat.PropertyId, Id, v, now));
        }

        return View();
    }

    public async Task<ChatView> RateAsync(RateChat command)
    {
        _core.EnsureInInbox(command.PropertyId);
        if (command.VisitorId != Chat.VisitorId)
        {
            throw DomainException.NotFound(_core.Noun);
        }

        if (command.Value is not (ChatRatingValue.Good or ChatRatingValue.Bad))
        {
            throw DomainException.Invalid("A rating is either Good (1) or Bad (2).");
        }

        var now = _core.Now;
        var rating = new ChatRating(command.Value, TextRules.Optional(command.Comment, MaxCommentLength, "A rating comment"), now);
        Chat.Rating = rating;
        await _core.CommitAsync(now, touch: true, v => new ChatRated(Chat.PropertyId, Id, v, now, rating));
        return View();
    }

    public async Task<ConversationChange> AssignAsync(AssignConversation command)
    {
        await _core.ChangeAssigneeAsync(command);
        return _core.Change();
    }

    public async Task<TicketView> ConvertToTicketAsync(ConvertChatToTicket command)
    {
        _core.EnsureInInbox(command.PropertyId);
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
            await _core.CommitAsync(_core.Now, touch: false);
        }

        var ticket = await GrainFactory.GetGrain<ITicketGrain>(Chat.PendingTicketId.Value).CreateFromChatAsync(new CreateTicketFromChat(
            Chat.PropertyId, Id, Chat.MessageCount, subject, new TicketRequester(Chat.VisitorId, Chat.VisitorName, email), Chat.Assignee));

        var now = _core.Now;
        Chat.TicketId = ticket.Id;
        Chat.VisitorEmail = email;
        await _core.CommitAsync(now, touch: true, v => new ChatConvertedToTicket(Chat.PropertyId, Id, v, now, ticket.Id));
        return ticket;
    }

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

    /// <summary>What the visitor may see: no tags, no ticket link, no assignee, and no sign of Trash or Spam.</summary>
    private ChatView VisitorView() => View() with { Tags = [], TicketId = null, Bin = BinState.Inbox, Assignee = null, MergedIntoId = null };

    private ChatView View() => new(
        Id, Chat.PropertyId, Chat.VisitorId, Chat.VisitorName, Chat.Status, Chat.MessageCount,
        Chat.CreatedAt, Chat.UpdatedAt, Chat.Version, Chat.Bin, Chat.Tags.ToList(), Chat.Rating, Chat.TicketId, Chat.VisitorEmail, Chat.Assignee, Chat.MergedIntoId);
}

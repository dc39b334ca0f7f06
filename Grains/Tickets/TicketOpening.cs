using Conversations.Grains.Conversations;
using Conversations.Grains.Email;
using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Merging;
using Conversations.Grains.Interfaces.Realtime;
using Conversations.Grains.Interfaces.Tickets;
using Conversations.Grains.Merging;
using Conversations.Grains.Messages;
using Conversations.Grains.Visitors;

namespace Conversations.Grains.Tickets;

/// <summary>
/// The three ways a ticket comes to be: created (TIC-1, with its first message if any), from a chat (CHAT-3, with a copy of
/// its transcript and files) and from a split (MRG-1). Each is idempotent: a repeat changes nothing, and a different
/// command for an id already used is a conflict.
/// </summary>
public sealed class TicketOpening(ConversationCore<TicketState> core, IGrainFactory grains, IAttachmentStore attachments)
{
    private TicketState Ticket => core.Current;

    private Guid Id => core.Id;

    public async Task CreateAsync(CreateTicket command)
    {
        var fields = TicketPolicy.Fields(Ticket, command.PropertyId, command.Subject, command.Requester, command.Priority);
        var byEmail = fields.Requester.VisitorId is null;
        if (Ticket.Exists)
        {
            // A retry of a requester linked here by address finds the visitor already on the ticket.
            var requester = byEmail ? Ticket.Requester! with { VisitorId = null } : Ticket.Requester;
            EnsureSame(Ticket.PropertyId == fields.PropertyId && Ticket.Subject == fields.Subject && requester == fields.Requester && Ticket.SourceChatId is null);
            return;
        }

        await core.EnsureIdFreeOfAsync<IChatGrain>("a chat");
        if (byEmail)
        {
            fields = fields with { Requester = fields.Requester with { VisitorId = await RequesterProfileAsync(grains, fields.PropertyId, fields.Requester) } };
        }

        Ticket.RequesterByEmail = byEmail || command.RequesterByEmail;
        if (command.PreviousTicketId is { } previous)
        {
            // Linked first: a creation retried after a failure finds the link made, and the previous ticket never points nowhere for long.
            await grains.GetGrain<ITicketGrain>(previous).LinkFollowUpAsync(fields.PropertyId, Id);
        }

        // An empty first message (a blank form field) means none.
        var text = string.IsNullOrWhiteSpace(command.Text) ? null : MessageText.Clean(command.Text);
        var now = core.Now;
        ConversationMessage? first = null;
        if (text is not null)
        {
            var requester = fields.Requester;
            first = new ConversationMessage(1, "create", AuthorKind.Visitor, requester.VisitorId ?? requester.Email,
                requester.Name ?? requester.Email, text, IsInternal: false, now, command.Attachments);
            await core.MessageStore.AppendAsync(Id, first);
        }

        await OpenAsync(fields, sourceChatId: null, command.PreviousTicketId, first is null ? 0 : 1, now,
            first is null ? [] : [v => new MessagePosted(Ticket.PropertyId, Id, v, now, first)]);
    }

    public async Task CreateFromChatAsync(CreateTicketFromChat command)
    {
        var fields = TicketPolicy.Fields(Ticket, command.PropertyId, command.Subject, command.Requester, TicketPriority.Medium);
        if (Ticket.Exists)
        {
            // The chat's ticket, whatever subject or email a retry brings.
            EnsureSame(Ticket.SourceChatId == command.ChatId && Ticket.PropertyId == fields.PropertyId);
            return;
        }

        await core.EnsureIdFreeOfAsync<IChatGrain>("a chat");

        // The copied messages list the chat's files by id: the ticket keeps its own copies, which outlive a purge of the chat.
        await attachments.CopyAllAsync(command.ChatId, Id);
        await core.MessageStore.CopyAsync(command.ChatId, Id, command.MessageCount);

        // CHAT-3: the ticket keeps the chat's assignee (already checked by the chat); no assignment emails, nobody was newly assigned.
        Ticket.Assignee = command.Assignee;
        await OpenAsync(fields, command.ChatId, previousTicketId: null, command.MessageCount, core.Now, []);
    }

    public async Task CreateFromSplitAsync(CreateTicketFromSplit command)
    {
        var fields = TicketPolicy.Fields(Ticket, command.PropertyId, command.Subject, command.Requester, command.Priority);
        if (Ticket.Exists)
        {
            EnsureSame(Ticket.SplitFromId == command.SourceTicketId && Ticket.PropertyId == fields.PropertyId);
            return;
        }

        await core.EnsureIdFreeOfAsync<IChatGrain>("a chat");
        await Transcripts.WriteAsync(core.MessageStore, Id, 0, command.Messages, () => Task.CompletedTask);
        Ticket.Assignee = command.Assignee;
        Ticket.Tags = command.Tags.ToList();
        Ticket.SplitFromId = command.SourceTicketId;
        Ticket.RequesterByEmail = command.RequesterByEmail;
        await OpenAsync(fields, sourceChatId: null, previousTicketId: null, command.Messages.Count, core.Now, []);
    }

    private async Task OpenAsync(
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
        await core.CommitAsync(now, touch: true,
        [
            v => new TicketCreated(Ticket.PropertyId, Id, v, now, Ticket.Subject, fields.Requester, Ticket.Priority, sourceChatId),
            .. alsoChanges,
        ]);
    }

    /// <summary>
    /// VIS-1, VIS-5: the visitor profile of the requester's address (found or made); null when the address cannot have one
    /// (a shape the profile rules refuse), and the ticket then stays without a profile as before.
    /// </summary>
    public static async Task<string?> RequesterProfileAsync(IGrainFactory grains, string propertyId, TicketRequester requester)
    {
        try
        {
            return await EmailVisitors.FindOrCreateAsync(grains, propertyId, requester.Email, requester.Name);
        }
        catch (DomainException e) when (e.Code is DomainErrorCode.Invalid or DomainErrorCode.NotFound)
        {
            return null;
        }
    }

    private static void EnsureSame(bool same)
    {
        if (!same)
        {
            throw DomainException.Conflict("A different ticket with this id already exists.");
        }
    }
}

using System.Security.Cryptography;
using System.Text;
using Conversations.Grains.Interfaces.Agents;
using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Email;
using Conversations.Grains.Interfaces.Tickets;
using Conversations.Grains.Messages;
using Conversations.Grains.Tickets;

namespace Conversations.Grains.Email;

/// <summary>
/// Turns one inbound email into a ticket change: a reply (found by the signed token in the
/// recipient address, or in In-Reply-To/References) is appended to its ticket, or opens a new
/// linked ticket when that one is closed (TIC-5); mail to a property's support address opens a
/// ticket (TIC-1). Ids derive from the Message-ID, so a redelivered email changes nothing.
/// </summary>
public sealed class InboundMail(IGrainFactory grains, TicketEmailToken tokens, IAttachmentStore attachmentStore, EmailSettings settings)
{
    public async Task<InboundVerdict> ReceiveAsync(ReceivedEmail message, IReadOnlyList<string> recipients, string contentHash)
    {
        // Out-of-office and other automatic replies would loop with our own notifications.
        if (message.AutoSubmitted is { } auto && !auto.Trim().Equals("no", StringComparison.OrdinalIgnoreCase))
        {
            return InboundVerdict.Accepted;
        }

        string sender;
        try
        {
            sender = EmailAddress.Normalize(message.FromAddress);
        }
        catch (DomainException)
        {
            return Refuse("A valid From address is required.");
        }

        var ticketId = tokens.Find(string.Join(' ', recipients), out var forged);
        if (ticketId is null && forged)
        {
            return Refuse("This ticket address is not valid.");
        }

        ticketId ??= tokens.Find(message.InReplyTo + " " + string.Join(' ', message.References), out _);
        var key = message.MessageId ?? contentHash;
        var attachments = InboundAttachments.Read(message, key, settings);
        var text = InboundBody.Compose(MailText.Of(message.TextBody, message.HtmlBody), attachments, key);
        try
        {
            return ticketId is { } id
                ? await AppendAsync(id, sender, key, text, attachments)
                : await OpenAsync(recipients, message, sender, key, text, attachments);
        }
        catch (DomainException e)
        {
            return Refuse(e.Message);
        }
    }

    /// <summary>The id of the ticket that an email with <paramref name="messageId"/> to the property's support address opens.</summary>
    public static Guid NewTicketId(string propertyId, string messageId) => DerivedId(propertyId, messageId);

    /// <summary>The id of the follow-up ticket that a reply with <paramref name="messageId"/> to a closed ticket opens.</summary>
    public static Guid FollowUpTicketId(Guid closedTicketId, string messageId) => DerivedId(closedTicketId.ToString("N"), messageId);

    private async Task<InboundVerdict> AppendAsync(Guid ticketId, string sender, string key, string text, InboundAttachments attachments)
    {
        var propertyId = (await grains.GetGrain<IEmailOutboxGrain>(ticketId).GetAsync()).PropertyId;
        if (propertyId.Length == 0)
        {
            return Refuse("No such ticket.");
        }

        var ticket = grains.GetGrain<ITicketGrain>(ticketId);
        var view = await ticket.GetAsync(propertyId);
        if (view.Requester.Email != sender)
        {
            return Refuse("Replies to a ticket are taken from its requester's address only.");
        }

        // MRG-1: an email to a merged ticket threads into the ticket it was merged into (and on, if that one was merged too),
        // from its own requester.
        var requester = view.Requester;
        for (var hops = 0; view.MergedIntoId is { } survivor && hops < 10; hops++)
        {
            ticketId = survivor;
            ticket = grains.GetGrain<ITicketGrain>(ticketId);
            view = await ticket.GetAsync(propertyId);
        }

        if (view.Status == TicketStatus.Closed)
        {
            var followUpId = FollowUpTicketId(ticketId, key);
            var followUp = new CreateTicket(propertyId, view.Subject, view.Requester, view.Priority, text, ticketId,
                await attachments.StoreAsync(attachmentStore, followUpId), RequesterByEmail: true);
            await grains.GetGrain<ITicketGrain>(followUpId).CreateAsync(followUp);
            return InboundVerdict.Accepted;
        }

        // Posted as the sender's address: the ticket knows its requester by it (and their visitor profile), and after a merge
        // it names this requester's thread.
        await ticket.PostMessageAsync(new PostMessage(
            propertyId, "email-" + Hash(key), AuthorKind.Visitor, requester.Email, requester.Name ?? requester.Email, text,
            await attachments.StoreAsync(attachmentStore, ticketId)));
        return InboundVerdict.Accepted;
    }

    private async Task<InboundVerdict> OpenAsync(
        IReadOnlyList<string> recipients, ReceivedEmail message, string sender, string key, string text, InboundAttachments attachments)
    {
        foreach (var recipient in recipients)
        {
            // An address that cannot be a storage key would be read under a lookalike's key ("a#b" as "a_b").
            var address = recipient.Trim().ToLowerInvariant();
            if (!TableKeys.IsValid(address) || await grains.GetGrain<ISupportAddressGrain>(address).GetPropertyAsync() is not { } propertyId)
            {
                continue;
            }

            var subject = MailText.Line(message.Subject, TicketGrain.MaxSubjectLength);
            var name = MailText.Line(message.FromName, 100);
            var newTicketId = NewTicketId(propertyId, key);
            var create = new CreateTicket(
                propertyId, subject.Length == 0 ? "(no subject)" : subject, new TicketRequester(null, name.Length == 0 ? null : name, sender),
                TicketPriority.Medium, text, Attachments: await attachments.StoreAsync(attachmentStore, newTicketId));
            await grains.GetGrain<ITicketGrain>(newTicketId).CreateAsync(create);
            return InboundVerdict.Accepted;
        }

        return InboundVerdict.NoSuchMailbox;
    }

    private static InboundVerdict Refuse(string reason) => InboundVerdict.Refused(reason);

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..32];

    private static Guid DerivedId(string scope, string key) => new(SHA256.HashData(Encoding.UTF8.GetBytes(scope + "|" + key)).AsSpan(0, 16));
}

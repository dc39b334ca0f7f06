using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Email;
using Conversations.Grains.Interfaces.Realtime;
using Conversations.Grains.Interfaces.Tickets;

namespace Conversations.Grains.Email;

/// <summary>
/// Which emails a ticket's changes call for (TIC-2, TIC-6), and their hand-off to the ticket's outbox.
/// Whispers (internal messages) call for none: the visitor never sees them, not even by email (TIC-4).
/// </summary>
public static class TicketEmails
{
    public static IEnumerable<EmailIntent> For(string subject, TicketRequester requester, ConversationAssignee? assignee, IEnumerable<ConversationEvent> events)
    {
        foreach (var evt in events)
        {
            EmailIntent Intent(EmailKind kind, ConversationAssignee? to, ConversationMessage? message = null) =>
                new(evt.Version, kind, evt.PropertyId, subject, requester, to, message?.AuthorId, message?.AuthorName, message?.Text, message?.Attachments);

            switch (evt)
            {
                case MessagePosted { Message.IsInternal: false } posted:
                    if (posted.Message.AuthorKind == AuthorKind.Agent)
                    {
                        yield return Intent(EmailKind.Reply, null, posted.Message);
                    }

                    if (assignee is not null)
                    {
                        yield return Intent(EmailKind.ReplyNotification, assignee, posted.Message);
                    }

                    break;
                case ConversationAssigned { Assignee: { } assigned }:
                    yield return Intent(EmailKind.Assigned, assigned);
                    yield return Intent(EmailKind.AssignmentNotice, null);
                    break;
            }
        }
    }

    /// <summary>
    /// Hands waiting intents to the ticket's outbox and forgets them (in memory; the next state write stores that).
    /// When the outbox does not take them (unreachable, or full) they stay, and this throws: the ticket retries until it does.
    /// </summary>
    public static async Task HandOffAsync(IGrainFactory grains, Guid ticketId, string propertyId, List<EmailIntent> waiting)
    {
        if (waiting.Count == 0)
        {
            return;
        }

        await grains.GetGrain<IEmailOutboxGrain>(ticketId).EnqueueAsync(propertyId, waiting.ToList());
        waiting.Clear();
    }
}

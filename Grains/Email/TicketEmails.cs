using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Email;
using Conversations.Grains.Interfaces.Realtime;
using Conversations.Grains.Interfaces.Tickets;
using Microsoft.Extensions.Logging;

namespace Conversations.Grains.Email;

/// <summary>
/// Which emails a ticket's changes call for (TIC-2, TIC-6), and their hand-off to the ticket's outbox.
/// Whispers (internal messages) call for none: the visitor never sees them, not even by email (TIC-4).
/// </summary>
public static class TicketEmails
{
    /// <summary>Intents waiting in a ticket's state for an outbox that could not be reached stop growing here.</summary>
    public const int MaxWaiting = 100;

    public static IEnumerable<EmailIntent> For(string subject, TicketRequester requester, ConversationAssignee? assignee, IEnumerable<ConversationEvent> events)
    {
        foreach (var evt in events)
        {
            EmailIntent Intent(EmailKind kind, ConversationAssignee? to, ConversationMessage? message = null) =>
                new(evt.Version, kind, evt.PropertyId, subject, requester, to, message?.AuthorId, message?.AuthorName, message?.Text);

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
                case TicketAssigned { Assignee: { } assigned }:
                    yield return Intent(EmailKind.Assigned, assigned);
                    yield return Intent(EmailKind.AssignmentNotice, null);
                    break;
            }
        }
    }

    /// <summary>
    /// Hands waiting intents to the ticket's outbox and forgets them (in memory; the next state write
    /// stores that). When the outbox cannot be reached they stay, for the next write or activation.
    /// </summary>
    public static async Task HandOffAsync(IGrainFactory grains, Guid ticketId, string propertyId, List<EmailIntent> waiting, ILogger logger)
    {
        if (waiting.Count == 0)
        {
            return;
        }

        try
        {
            await grains.GetGrain<IEmailOutboxGrain>(ticketId).EnqueueAsync(propertyId, waiting.ToList());
            waiting.Clear();
        }
        catch (Exception e)
        {
            // The change is stored and acknowledged whatever happens here; the emails wait in its state.
            logger.LogWarning(e, "Ticket {TicketId}: {Count} emails wait for the outbox", ticketId, waiting.Count);
            if (waiting.Count > MaxWaiting)
            {
                logger.LogError("Ticket {TicketId}: dropping {Count} emails the outbox never took", ticketId, waiting.Count - MaxWaiting);
                waiting.RemoveRange(0, waiting.Count - MaxWaiting);
            }
        }
    }
}

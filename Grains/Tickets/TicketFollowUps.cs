using Conversations.Grains.Conversations;
using Conversations.Grains.Email;
using Conversations.Grains.Interfaces.Email;

namespace Conversations.Grains.Tickets;

/// <summary>
/// What a ticket owes after a change: a merge or split begun and not completed (MRG-1), the emails waiting in its state for
/// its outbox (handed over after each change and retried until the outbox takes them), and, once purged, the removal of its
/// files, outbox (pending and recently sent emails) and dead letters (BIN-2).
/// </summary>
public sealed class TicketFollowUps(IGrainFactory grains, IAttachmentStore attachments, Func<Task> completePendingRewrite) : IConversationFollowUps<TicketState>
{
    public bool Due(TicketState ticket) => ticket.PendingEmails.Count > 0 || ticket.PendingRewrite is not null;

    public async Task<bool> RunAsync(Guid ticketId, TicketState ticket)
    {
        await completePendingRewrite();
        if (ticket.PendingEmails.Count == 0)
        {
            return false;
        }

        await TicketEmails.HandOffAsync(grains, ticketId, ticket.PropertyId, ticket.PendingEmails);
        return true;
    }

    public async Task RemovePurgedAsync(Guid ticketId, TicketState tombstone)
    {
        await attachments.DeleteAllAsync(ticketId);
        await grains.GetGrain<IEmailOutboxGrain>(ticketId).PurgeAsync();
        await grains.GetGrain<IEmailDeadLettersGrain>(tombstone.PropertyId).ForgetTicketAsync(ticketId);
    }
}

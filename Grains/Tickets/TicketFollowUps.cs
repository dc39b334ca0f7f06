using Conversations.Grains.Conversations;
using Conversations.Grains.Email;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Email;
using Conversations.Grains.Interfaces.Visitors;

namespace Conversations.Grains.Tickets;

/// <summary>
/// What a ticket owes after a change: a merge or split begun and not completed (MRG-1), the emails waiting in its state for
/// its outbox (handed over after each change and retried until the outbox takes them), its line in its requester's visitor
/// history (VIS-5: status and the requester's latest message), and, once purged, the removal of its files, outbox (pending
/// and recently sent emails), dead letters and history line (BIN-2).
/// </summary>
public sealed class TicketFollowUps(IGrainFactory grains, IAttachmentStore attachments, Func<Task> completePendingRewrite) : IConversationFollowUps<TicketState>
{
    public bool Due(TicketState ticket) => ticket.PendingEmails.Count > 0 || ticket.PendingRewrite is not null || HistoryDue(ticket);

    public async Task<bool> RunAsync(Guid ticketId, TicketState ticket)
    {
        await completePendingRewrite();
        var changed = false;
        if (ticket.PendingEmails.Count > 0)
        {
            await TicketEmails.HandOffAsync(grains, ticketId, ticket.PropertyId, ticket.PendingEmails);
            changed = true;
        }

        if (HistoryDue(ticket))
        {
            var (visitorId, status, at) = (ticket.Requester!.VisitorId!, ticket.Status, LastActivity(ticket));
            await Visitor(ticket.PropertyId, visitorId).LinkConversationAsync(
                new ConversationLink(ticketId, ConversationKind.Ticket, status.ToString(), ticket.CreatedAt, at));
            (ticket.HistoryVisitorId, ticket.HistoryStatus, ticket.HistoryActivityAt) = (visitorId, status, at);
            changed = true;
        }

        return changed;
    }

    public async Task RemovePurgedAsync(Guid ticketId, TicketState tombstone)
    {
        await attachments.DeleteAllAsync(ticketId);
        await grains.GetGrain<IEmailOutboxGrain>(ticketId).PurgeAsync();
        await grains.GetGrain<IEmailDeadLettersGrain>(tombstone.PropertyId).ForgetTicketAsync(ticketId);
        if (tombstone.HistoryVisitorId is { } visitorId)
        {
            await Visitor(tombstone.PropertyId, visitorId).ForgetConversationAsync(ticketId);
        }
    }

    private static bool HistoryDue(TicketState ticket) =>
        ticket.Exists && ticket.Bin != BinState.Purged && ticket.Requester?.VisitorId is { } visitorId
        && VisitorKey.IsValid(ticket.PropertyId, visitorId)
        && (ticket.HistoryVisitorId != visitorId || ticket.HistoryStatus != ticket.Status || ticket.HistoryActivityAt != LastActivity(ticket));

    private static DateTimeOffset LastActivity(TicketState ticket) => ticket.LastRequesterMessageAt ?? ticket.CreatedAt;

    private IVisitorGrain Visitor(string propertyId, string visitorId) => grains.GetGrain<IVisitorGrain>(VisitorKey.For(propertyId, visitorId));
}

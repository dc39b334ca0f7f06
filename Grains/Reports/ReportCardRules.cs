using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Inbox;
using Conversations.Grains.Interfaces.Realtime;
using Conversations.Grains.Interfaces.Tickets;

namespace Conversations.Grains.Reports;

/// <summary>How each committed change moves a conversation's report card (RPT-1). Pure: the follower decides when to apply.</summary>
public static class ReportCardRules
{
    /// <summary>The card after <paramref name="evt"/>; <paramref name="card"/> is null before the conversation's first event.</summary>
    public static ReportCard Apply(ReportCard? card, ConversationEvent evt)
    {
        var current = card ?? new ReportCard(evt.ConversationId, KindOf(evt), 0, evt.At);
        var next = evt switch
        {
            ChatStarted => current with { Kind = ConversationKind.Chat, CreatedAt = evt.At },
            TicketCreated => current with { Kind = ConversationKind.Ticket, CreatedAt = evt.At, HasMessages = true },
            MessagePosted posted => OnMessage(current, posted.Message),
            ConversationAssigned assigned => assigned.Assignee switch
            {
                null => current with { AgentId = null, DepartmentId = null },
                { Kind: AssigneeKind.Department } department => current with { AgentId = null, DepartmentId = department.Id },
                { } agent => current with { AgentId = agent.Id },
            },
            ChatClosed closed => Closed(current, closed.ByMerge, evt.At),
            ChatRated rated => current with { Rating = rated.Rating.Value, RatedAt = evt.At },
            TicketStatusChanged { Status: TicketStatus.Closed } closed => Closed(current, closed.ByMerge, evt.At),
            TicketStatusChanged => current with { ResolvedAt = null },
            ConversationMerged => current with { Merged = true, ResolvedAt = null },
            BinChanged bin => current with { Excluded = bin.Bin != BinState.Inbox },
            _ => current,
        };
        return next with { Version = evt.Version };
    }

    /// <summary>A close resolves the conversation, unless it seals a merge (MRG-1): the survivor carries on and resolves.</summary>
    private static ReportCard Closed(ReportCard card, bool byMerge, DateTimeOffset at) =>
        byMerge || card.Merged ? card with { Merged = true, ResolvedAt = null } : card with { ResolvedAt = at };

    private static ReportCard OnMessage(ReportCard card, ConversationMessage message)
    {
        if (message.AuthorKind == AuthorKind.Agent && !message.IsInternal && card.FirstResponseAt is null)
        {
            return card with { HasMessages = true, FirstResponseAt = message.At, FirstResponderId = message.AuthorId };
        }

        return message.IsInternal ? card : card with { HasMessages = true };
    }

    private static ConversationKind KindOf(ConversationEvent evt) =>
        evt is TicketCreated or TicketStatusChanged or TicketPriorityChanged ? ConversationKind.Ticket : ConversationKind.Chat;
}

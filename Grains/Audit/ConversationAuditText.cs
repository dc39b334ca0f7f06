using Conversations.Grains.Interfaces.Audit;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Realtime;

namespace Conversations.Grains.Audit;

/// <summary>
/// Which committed conversation changes are audited and how they read (AUD-1). Messages are not: the message log already keeps
/// each one with its author and time. Values are ids, states and tags, never message text or subjects.
/// </summary>
public static class ConversationAuditText
{
    public static string Of(ConversationAssignee? assignee) => assignee is null ? "none" : $"{assignee.Kind.ToString().ToLowerInvariant()}:{assignee.Id}";

    public static string Of(IEnumerable<string> tags) => string.Join(",", tags);

    /// <summary>The action and the value after the change, or null for changes that are not audited.</summary>
    public static (string Action, string? After)? Describe(ConversationEvent evt) => evt switch
    {
        ConversationAssigned a => (AuditActions.ConversationAssigned, Of(a.Assignee)),
        TagsChanged t => (AuditActions.ConversationTagged, Of(t.Tags)),
        BinChanged { Bin: BinState.Purged } => (AuditActions.ConversationPurged, "purged"),
        BinChanged b => (AuditActions.ConversationMoved, b.Bin.ToString().ToLowerInvariant()),
        ChatClosed => (AuditActions.ChatClosed, "closed"),
        ChatConvertedToTicket c => (AuditActions.ConversationConverted, $"ticket:{c.TicketId}"),
        TicketCreated c => (AuditActions.TicketCreated, $"priority:{c.Priority.ToString().ToLowerInvariant()}"),
        TicketStatusChanged s => (AuditActions.TicketStatusChanged, s.Status.ToString().ToLowerInvariant()),
        TicketPriorityChanged p => (AuditActions.TicketPriorityChanged, p.Priority.ToString().ToLowerInvariant()),
        _ => null,
    };
}

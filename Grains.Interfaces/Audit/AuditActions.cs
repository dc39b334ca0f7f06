namespace Conversations.Grains.Interfaces.Audit;

/// <summary>The action names the audit log records (AUD-1).</summary>
public static class AuditActions
{
    public const string ConversationAssigned = "conversation.assigned";
    public const string ConversationTagged = "conversation.tagged";
    public const string ConversationMoved = "conversation.moved";
    public const string ConversationPurged = "conversation.purged";
    public const string ConversationConverted = "conversation.converted";
    public const string ChatClosed = "chat.closed";
    public const string TicketCreated = "ticket.created";
    public const string TicketStatusChanged = "ticket.status";
    public const string TicketPriorityChanged = "ticket.priority";
    public const string DepartmentCreated = "department.created";
    public const string DepartmentRenamed = "department.renamed";
    public const string DepartmentMembersChanged = "department.members";
    public const string DepartmentDeleted = "department.deleted";
    public const string PropertyCreated = "property.created";
    public const string PropertyRenamed = "property.renamed";
    public const string PropertySupportEmailChanged = "property.supportEmail";
    public const string AgentAdded = "agent.added";
    public const string AgentRemoved = "agent.removed";
}

namespace Conversations.Grains.Interfaces.Email;

public enum EmailKind
{
    /// <summary>An agent's reply, to the requester (TIC-2).</summary>
    Reply = 1,

    /// <summary>To the assigned agent or every member of the assigned department (TIC-6).</summary>
    Assigned = 2,

    /// <summary>To the requester: the ticket has been assigned (TIC-6).</summary>
    AssignmentNotice = 3,

    /// <summary>To the assignee(s): a new message on their ticket (TIC-6).</summary>
    ReplyNotification = 4,

    /// <summary>To the assigned agent: a conversation missed an SLA target (SLA-1).</summary>
    SlaBreached = 5,
}

using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Tickets;

namespace Conversations.Grains.Conversations;

/// <summary>Checks an assignment command of a chat (CHAT-1) or ticket (TIC-6).</summary>
public static class AssigneeRules
{
    /// <summary>The assignee the command names, or null when it unassigns; throws when it is malformed.</summary>
    public static ConversationAssignee? Of(AssignConversation command) => command.Kind switch
    {
        AssigneeKind.None when string.IsNullOrEmpty(command.AssigneeId) => null,
        AssigneeKind.None => throw DomainException.Invalid("Unassigning takes no assignee id."),
        AssigneeKind.Agent or AssigneeKind.Department => new ConversationAssignee(command.Kind, TextRules.Id(command.AssigneeId, "An assignee id")),
        _ => throw DomainException.Invalid("An assignee is an agent (1) or a department (2); 0 unassigns."),
    };
}

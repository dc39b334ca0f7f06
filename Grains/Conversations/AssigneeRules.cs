using Conversations.Grains.Interfaces.Agents;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Departments;
using Conversations.Grains.Interfaces.Tickets;

namespace Conversations.Grains.Conversations;

/// <summary>Checks an assignment command of a chat (CHAT-1) or ticket (TIC-6).</summary>
public static class AssigneeRules
{
    public const string NotAnAgent = "The assignee is not an agent of this property.";
    public const string NotADepartment = "The assignee is not a department of this property.";

    /// <summary>The assignee the command names (its id in the canonical form), or null when it unassigns; throws when it is malformed.</summary>
    public static ConversationAssignee? Of(AssignConversation command) => command.Kind switch
    {
        AssigneeKind.None when string.IsNullOrEmpty(command.AssigneeId) => null,
        AssigneeKind.None => throw DomainException.Invalid("Unassigning takes no assignee id."),
        AssigneeKind.Agent or AssigneeKind.Department => new ConversationAssignee(command.Kind, CanonicalId(command)),
        _ => throw DomainException.Invalid("An assignee is an agent (1) or a department (2); 0 unassigns."),
    };

    /// <summary>
    /// Throws Invalid unless the assignee is a member agent or a department of <paramref name="propertyId"/> (ADM-4):
    /// an assignee receives the ticket's content by email, so a foreign or made-up id must never become one.
    /// </summary>
    public static async Task EnsureOfPropertyAsync(IGrainFactory grains, string propertyId, ConversationAssignee assignee)
    {
        var id = Guid.Parse(assignee.Id);
        if (assignee.Kind == AssigneeKind.Agent)
        {
            if (await grains.GetGrain<IAgentGrain>(id).GetRoleAsync(propertyId) is null)
            {
                throw DomainException.Invalid(NotAnAgent);
            }

            return;
        }

        try
        {
            await grains.GetGrain<IDepartmentGrain>(id).GetAsync(propertyId);
        }
        catch (DomainException ex) when (ex.Code == DomainErrorCode.NotFound)
        {
            throw DomainException.Invalid(NotADepartment);
        }
    }

    /// <summary>Agents and departments are keyed by GUIDs: anything else names neither.</summary>
    private static string CanonicalId(AssignConversation command)
    {
        var id = TextRules.Id(command.AssigneeId, "An assignee id");
        return Guid.TryParse(id, out var guid)
            ? guid.ToString()
            : throw DomainException.Invalid(command.Kind == AssigneeKind.Agent ? NotAnAgent : NotADepartment);
    }
}

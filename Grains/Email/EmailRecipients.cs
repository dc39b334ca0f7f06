using Conversations.Grains.Interfaces.Agents;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Departments;
using Conversations.Grains.Interfaces.Email;
using Conversations.Grains.Interfaces.Tickets;

namespace Conversations.Grains.Email;

/// <summary>
/// Who an intent goes to: the requester, or the assigned agent or every member of the assigned department who is, when
/// the email is queued, still an agent of the ticket's property.
/// </summary>
public static class EmailRecipients
{
    public static async Task<IReadOnlyList<(string Email, string Name)>> ResolveAsync(IGrainFactory grains, EmailIntent intent)
    {
        if (intent.Kind is EmailKind.Reply or EmailKind.AssignmentNotice)
        {
            return [(intent.Requester.Email, intent.Requester.Name ?? intent.Requester.Email)];
        }

        if (intent.Assignee is not { } assignee || !Guid.TryParse(assignee.Id, out var id))
        {
            return [];
        }

        IReadOnlyList<Guid> agentIds = [id];
        if (assignee.Kind == AssigneeKind.Department)
        {
            try
            {
                agentIds = (await grains.GetGrain<IDepartmentGrain>(id).GetAsync(intent.PropertyId)).Members;
            }
            catch (DomainException)
            {
                return [];
            }
        }

        var recipients = new List<(string, string)>();
        foreach (var agentId in agentIds.Where(a => a.ToString() != intent.AuthorId && a.ToString("N") != intent.AuthorId))
        {
            try
            {
                // An agent removed from the property since the assignment gets nothing (ADM-4).
                var agent = await grains.GetGrain<IAgentGrain>(agentId).GetAsync();
                if (agent.Memberships.Any(m => m.PropertyId == intent.PropertyId))
                {
                    recipients.Add((agent.Email, agent.Name));
                }
            }
            catch (DomainException)
            {
                // An agent deleted since the assignment gets nothing.
            }
        }

        return recipients;
    }
}

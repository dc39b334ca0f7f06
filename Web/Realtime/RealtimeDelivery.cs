using System.Text.Json;
using Conversations.Grains.Interfaces.Realtime;
using Microsoft.AspNetCore.SignalR;

namespace Conversations.Web.Realtime;

/// <summary>Sends one event to one SignalR group of the agent or visitor hub.</summary>
public sealed class RealtimeDelivery(IHubContext<AgentHub> agents, IHubContext<VisitorHub> visitors)
{
    public const string EventMethod = "conversationEvent";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task DeliverAsync(Audience audience, string group, ConversationEvent evt)
    {
        // Serialized as the base type so the "type" discriminator is written.
        var payload = JsonSerializer.SerializeToElement(evt, Json);
        return audience switch
        {
            Audience.Agents => agents.Clients.Group(group).SendAsync(EventMethod, payload),
            _ when evt.VisibleToVisitor => visitors.Clients.Group(group).SendAsync(EventMethod, payload),
            _ => Task.CompletedTask,
        };
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;
using Conversations.Grains.Interfaces.Collision;
using Conversations.Grains.Interfaces.Realtime;
using Conversations.Grains.Interfaces.Routing;
using Conversations.Grains.Interfaces.Sla;
using Microsoft.AspNetCore.SignalR;

namespace Conversations.Web.Realtime;

/// <summary>Sends one event to one SignalR group of the agent or visitor hub.</summary>
public sealed class RealtimeDelivery(IHubContext<AgentHub> agents, IHubContext<VisitorHub> visitors)
{
    public const string EventMethod = "conversationEvent";
    public const string PresenceMethod = "agentPresence";
    public const string QueuePlaceMethod = "queuePlace";
    public const string SlaBreachedMethod = "slaBreached";
    public const string WatchersMethod = "watchers";

    /// <summary>Sent when this node's feed of a group may have missed events (its subscription was lost): refetch what is shown.</summary>
    public const string ResyncMethod = "resync";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Sends <paramref name="evt"/> to each group; a conversation event is serialized once, whatever the number of groups.</summary>
    public async Task DeliverAsync(IEnumerable<(Audience Audience, string Group)> groups, object evt)
    {
        // Serialized as the base type so the "type" discriminator is written.
        JsonElement? payload = evt is ConversationEvent conversation ? JsonSerializer.SerializeToElement(conversation, Json) : null;
        foreach (var (audience, group) in groups)
        {
            await DeliverAsync(audience, group, evt, payload);
        }
    }

    public Task ResyncAsync(Audience audience, string group) => audience == Audience.Agents
        ? agents.Clients.Group(group).SendAsync(ResyncMethod)
        : visitors.Clients.Group(group).SendAsync(ResyncMethod);

    private Task DeliverAsync(Audience audience, string group, object evt, JsonElement? payload) => evt switch
    {
        ConversationEvent conversation => audience switch
        {
            Audience.Agents => agents.Clients.Group(group).SendAsync(EventMethod, payload),
            _ when conversation.VisibleToVisitor => visitors.Clients.Group(group).SendAsync(EventMethod, payload),
            _ => Task.CompletedTask,
        },
        AgentPresenceChanged presence when audience == Audience.Agents =>
            agents.Clients.Group(group).SendAsync(PresenceMethod, JsonSerializer.SerializeToElement(presence, Json)),
        TypingChanged typing => audience == Audience.Agents
            ? agents.Clients.Group(group).SendAsync(TypingNotifier.Method, TypingNotice.Of(typing))
            : visitors.Clients.Group(group).SendAsync(TypingNotifier.Method, TypingNotice.Of(typing)),
        WatchersChanged watchers when audience == Audience.Agents =>
            agents.Clients.Group(group).SendAsync(WatchersMethod, watchers),
        VisitorSeen seen when audience == Audience.Agents =>
            agents.Clients.Group(group).SendAsync(TypingNotifier.SeenMethod, new SeenNotice(seen.ConversationId, seen.Sequence)),
        AgentSeen seen when audience == Audience.Visitors =>
            visitors.Clients.Group(group).SendAsync(TypingNotifier.SeenMethod, new SeenNotice(seen.ConversationId, seen.Sequence)),
        SlaBreached breach when audience == Audience.Agents =>
            agents.Clients.Group(group).SendAsync(SlaBreachedMethod, JsonSerializer.SerializeToElement(breach, Json)),
        QueuePlace place when audience == Audience.Visitors =>
            visitors.Clients.Group(group).SendAsync(QueuePlaceMethod, place.ConversationId, place.Place),
        _ => Task.CompletedTask,
    };
}

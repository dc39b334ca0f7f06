using Microsoft.AspNetCore.SignalR;

namespace Conversations.Web.Realtime;

/// <summary>
/// Typing indicators go straight to SignalR groups, not through streams: they are not durable and
/// losing one is harmless. Groups are per web node, so with several nodes an indicator reaches only
/// listeners on the sender's node until a SignalR backplane is added.
/// </summary>
public sealed class TypingNotifier(IHubContext<AgentHub> agents, IHubContext<VisitorHub> visitors)
{
    public const string Method = "typing";

    public const string SeenMethod = "seen";

    public Task ToAgentsAsync(string propertyId, TypingNotice notice) =>
        agents.Clients.Group(HubGroups.Property(propertyId).Group).SendAsync(Method, notice);

    /// <summary>Seen marks (CHAT-1) travel like typing: straight to the property's agents, and a lost one is corrected by the next.</summary>
    public Task SeenToAgentsAsync(string propertyId, SeenNotice notice) =>
        agents.Clients.Group(HubGroups.Property(propertyId).Group).SendAsync(SeenMethod, notice);

    public Task ToVisitorAsync(TypingNotice notice) =>
        visitors.Clients.Group(HubGroups.Conversation(notice.ConversationId).Group).SendAsync(Method, notice);
}

using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Agents;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Inbox;
using Conversations.Web.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Conversations.Web.Realtime;

/// <summary>The console's live connection: joins a property's live feed and replies in chats.</summary>
[Authorize]
public sealed class AgentHub(IClusterClient cluster, PropertyFeeds feeds, PropertyAccess access, TopicRelay relay, AgentConnectionRenewals renewals) : Hub
{
    public const string Path = "/hubs/agent";

    /// <summary>Starts the property's live feed on this connection, until the agent leaves it or loses access (ADM-4).</summary>
    public Task JoinProperty(string propertyId) =>
        feeds.JoinAsync(AgentId, Context.ConnectionId, propertyId, () => access.RequireAsync(Context.User!, propertyId));

    public async Task LeaveProperty(string propertyId)
    {
        await access.RequireAsync(Context.User!, propertyId);
        await feeds.LeaveAsync(Context.ConnectionId, propertyId);
    }

    public async Task<MessageAck> SendMessage(string propertyId, Guid chatId, string commandId, string text)
    {
        var agentId = await access.RequireAsync(Context.User!, propertyId);
        return await cluster.GetGrain<IChatGrain>(chatId).PostMessageAsync(
            new PostMessage(propertyId, commandId, AuthorKind.Agent, agentId.ToString(), Context.User!.AgentName(), text));
    }

    /// <summary>One page of the inbox list (INB-2..4), as GET …/inbox answers it.</summary>
    public async Task<InboxPage> QueryInbox(string propertyId, InboxQuery query)
    {
        await access.RequireAsync(Context.User!, propertyId);
        return await cluster.GetGrain<IInboxGrain>(propertyId).QueryAsync(query);
    }

    /// <summary>The caller's own presence: Online or Away (Offline is having no console open).</summary>
    public Task<AgentPresence> SetPresence(AgentPresence presence) => Me.SetPresenceAsync(presence);

    public override async Task OnConnectedAsync()
    {
        await Me.ConnectedAsync(Context.ConnectionId);
        renewals.Opened(AgentId, Context.ConnectionId);
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        renewals.Closed(AgentId, Context.ConnectionId);
        feeds.Forget(Context.ConnectionId);
        await relay.LeaveAllAsync(Audience.Agents, Context.ConnectionId);
        await Me.DisconnectedAsync(Context.ConnectionId);
    }

    private Guid AgentId => Context.User!.AgentId()!.Value;

    private IAgentGrain Me => cluster.GetGrain<IAgentGrain>(AgentId);
}

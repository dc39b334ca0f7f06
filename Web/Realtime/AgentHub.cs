using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Microsoft.AspNetCore.SignalR;

namespace Conversations.Web.Realtime;

/// <summary>The console's live connection: joins a property's live feed and replies in chats.</summary>
public sealed class AgentHub(IClusterClient cluster, TopicRelay relay) : Hub
{
    public const string Path = "/hubs/agent";

    public async Task JoinProperty(string propertyId)
    {
        RequireId(propertyId);
        var groups = HubGroups.Property(propertyId);
        await Groups.AddToGroupAsync(Context.ConnectionId, groups.Group);
        await relay.JoinAsync(Audience.Agents, groups, Context.ConnectionId);
    }

    public async Task LeaveProperty(string propertyId)
    {
        RequireId(propertyId);
        var groups = HubGroups.Property(propertyId);
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, groups.Group);
        await relay.LeaveAsync(Audience.Agents, groups, Context.ConnectionId);
    }

    public Task<MessageAck> SendMessage(string propertyId, Guid chatId, string commandId, string text) =>
        cluster.GetGrain<IChatGrain>(chatId).PostMessageAsync(
            new PostMessage(propertyId, commandId, AuthorKind.Agent, "agent", "Agent", text));

    public override Task OnDisconnectedAsync(Exception? exception) =>
        relay.LeaveAllAsync(Audience.Agents, Context.ConnectionId);

    internal static void RequireId(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > 100)
        {
            throw new HubException("Invalid: an id is required and must be at most 100 characters.");
        }
    }
}

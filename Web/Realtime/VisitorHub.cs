using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Microsoft.AspNetCore.SignalR;

namespace Conversations.Web.Realtime;

/// <summary>The widget's live connection: starts or resumes a chat, sends messages, receives the chat's events.</summary>
public sealed class VisitorHub(IClusterClient cluster, TopicRelay relay) : Hub
{
    public const string Path = "/hubs/visitor";

    /// <summary>Starts the chat (the client picks its id, so a retry is harmless) or resumes it, and listens to it.</summary>
    public async Task<ChatView> StartChat(string propertyId, Guid chatId, string visitorId, string? visitorName)
    {
        RequireId(propertyId);
        RequireId(visitorId);
        var chat = await cluster.GetGrain<IChatGrain>(chatId).StartAsync(new StartChat(propertyId, visitorId, visitorName));
        var groups = HubGroups.Conversation(chatId);
        await Groups.AddToGroupAsync(Context.ConnectionId, groups.Group);
        await relay.JoinAsync(Audience.Visitors, groups, Context.ConnectionId);
        return chat;
    }

    public Task<MessageAck> SendMessage(string propertyId, Guid chatId, string visitorId, string commandId, string text) =>
        cluster.GetGrain<IChatGrain>(chatId).PostMessageAsync(
            new PostMessage(propertyId, commandId, AuthorKind.Visitor, visitorId, "", text));

    public async Task<IReadOnlyList<ConversationMessage>> GetMessages(string propertyId, Guid chatId, string visitorId, long afterSequence)
    {
        var chat = cluster.GetGrain<IChatGrain>(chatId);
        var view = await chat.GetAsync(propertyId);
        if (view.VisitorId != visitorId)
        {
            throw new HubException("NotFound: The chat was not found.");
        }

        var messages = await chat.GetMessagesAsync(propertyId, afterSequence, 500);
        return messages.Where(m => !m.IsInternal).ToList();
    }

    public override Task OnDisconnectedAsync(Exception? exception) =>
        relay.LeaveAllAsync(Audience.Visitors, Context.ConnectionId);

    private static void RequireId(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > 100)
        {
            throw new HubException("Invalid: an id is required and must be at most 100 characters.");
        }
    }
}

using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Realtime;
using Conversations.Web.Visitors;
using Microsoft.AspNetCore.SignalR;

namespace Conversations.Web.Realtime;

/// <summary>
/// The widget's live connection. Every call carries the signed visitor token from
/// <c>POST /api/v1/widget/sessions</c>; a visitor reaches only their own chats.
/// </summary>
public sealed class VisitorHub(IClusterClient cluster, TopicRelay relay, VisitorTokens tokens, VisitorRateLimits limits) : Hub
{
    public const string Path = "/hubs/visitor";

    /// <summary>Starts the chat (the client picks its id, so a retry is harmless) or resumes it, and listens to it.</summary>
    public async Task<ChatView> StartChat(string propertyId, string visitorToken, Guid chatId, string? visitorName)
    {
        var visitorId = await tokens.VerifyAsync(propertyId, visitorToken);
        var chat = cluster.GetGrain<IChatGrain>(chatId);
        if (!await IsOwnChatAsync(chat, propertyId, visitorId))
        {
            limits.NewChat(Context.GetHttpContext()?.Connection.RemoteIpAddress?.ToString());
        }

        var view = await chat.StartAsync(new StartChat(propertyId, visitorId, visitorName));
        var groups = HubGroups.Conversation(chatId);
        await Groups.AddToGroupAsync(Context.ConnectionId, groups.Group);
        await relay.JoinAsync<ConversationEvent>(Audience.Visitors, groups, Context.ConnectionId);
        return view;
    }

    public async Task<MessageAck> SendMessage(string propertyId, string visitorToken, Guid chatId, string commandId, string text)
    {
        var visitorId = await tokens.VerifyAsync(propertyId, visitorToken);
        limits.Message(propertyId, visitorId);
        return await cluster.GetGrain<IChatGrain>(chatId).PostMessageAsync(
            new PostMessage(propertyId, commandId, AuthorKind.Visitor, visitorId, "", text));
    }

    public async Task<IReadOnlyList<ConversationMessage>> GetMessages(string propertyId, string visitorToken, Guid chatId, long afterSequence)
    {
        var visitorId = await tokens.VerifyAsync(propertyId, visitorToken);
        var chat = cluster.GetGrain<IChatGrain>(chatId);
        if (!await IsOwnChatAsync(chat, propertyId, visitorId))
        {
            throw DomainException.NotFound("The chat");
        }

        var messages = await chat.GetMessagesAsync(propertyId, afterSequence, 500);
        return messages.Where(m => !m.IsInternal).ToList();
    }

    public override Task OnDisconnectedAsync(Exception? exception) =>
        relay.LeaveAllAsync(Audience.Visitors, Context.ConnectionId);

    private static async Task<bool> IsOwnChatAsync(IChatGrain chat, string propertyId, string visitorId)
    {
        try
        {
            return (await chat.GetAsync(propertyId)).VisitorId == visitorId;
        }
        catch (DomainException ex) when (ex.Code == DomainErrorCode.NotFound)
        {
            return false;
        }
    }
}

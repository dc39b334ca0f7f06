using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Realtime;
using Conversations.Grains.Interfaces.Routing;
using Conversations.Grains.Interfaces.Visitors;
using Conversations.Hosting.Attachments;
using Conversations.Web.Attachments;
using Conversations.Web.Visitors;
using Microsoft.AspNetCore.SignalR;

namespace Conversations.Web.Realtime;

/// <summary>
/// The widget's live connection. Every call carries the signed visitor token from
/// <c>POST /api/v1/widget/sessions</c>; a visitor reaches only their own chats.
/// </summary>
public sealed class VisitorHub(
    IClusterClient cluster,
    TopicRelay relay,
    VisitorTokens tokens,
    VisitorRateLimits limits,
    VisitTracker visits,
    ClientAddress addresses,
    TypingNotifier typing,
    AttachmentUploads uploads) : Hub
{
    public const string Path = "/hubs/visitor";

    public const string BannedMessage = "You cannot start a chat on this site: your access has been blocked.";

    private const string AddressItem = "visitor-address";

    /// <summary>
    /// The visitor's address, read when the connection opens: the connection's HTTP context is disposed when it closes,
    /// which a call still running may outlive (found by the fuzzer: StartChat then failed with ObjectDisposedException).
    /// </summary>
    private string? Address => Context.Items.TryGetValue(AddressItem, out var address) ? address as string : null;

    public override Task OnConnectedAsync()
    {
        Context.Items[AddressItem] = addresses.Of(Context.GetHttpContext())?.ToString();
        return Task.CompletedTask;
    }

    /// <summary>Starts the chat (the client picks its id, so a retry is harmless) or resumes it, and listens to it.</summary>
    public async Task<ChatView> StartChat(string propertyId, string visitorToken, Guid chatId, string? visitorName)
    {
        var visitorId = await tokens.VerifyAsync(propertyId, visitorToken);
        var chat = cluster.GetGrain<IChatGrain>(chatId);
        if (!await IsOwnChatAsync(chat, propertyId, visitorId))
        {
            var ip = Address;
            if (await cluster.GetGrain<IBanListGrain>(propertyId).FindAsync(visitorId, ip) is not null)
            {
                throw new HubException(BannedMessage);
            }

            limits.NewChat(ip);
        }

        // The chat puts itself in the visitor's history (VIS-5).
        var view = await chat.StartAsync(new StartChat(propertyId, visitorId, visitorName));
        var groups = HubGroups.Chat(propertyId, chatId);
        await Groups.AddToGroupAsync(Context.ConnectionId, groups.Group);
        await relay.JoinAsync<ConversationEvent>(Audience.Visitors, groups, Context.ConnectionId);
        await relay.JoinAsync<TypingChanged>(Audience.Visitors, HubGroups.VisitorTyping(propertyId, chatId), Context.ConnectionId);
        await relay.JoinAsync<AgentSeen>(Audience.Visitors, HubGroups.VisitorSeen(propertyId, chatId), Context.ConnectionId);
        await relay.JoinAsync<QueuePlace>(Audience.Visitors, HubGroups.VisitorQueue(propertyId, chatId), Context.ConnectionId);
        return view;
    }

    public async Task<MessageAck> SendMessage(string propertyId, string visitorToken, Guid chatId, string commandId, string text)
    {
        var visitorId = await tokens.VerifyAsync(propertyId, visitorToken);
        limits.Message(propertyId, visitorId);
        // The chat updates the visitor's history itself (VIS-5).
        return await cluster.GetGrain<IChatGrain>(chatId).PostMessageAsync(new PostMessage(propertyId, commandId, AuthorKind.Visitor, visitorId, "", text));
    }

    /// <summary>A message listing files the visitor uploaded to this chat before (POST /api/v1/widget/chats/{chatId}/attachments); the text may be empty.</summary>
    public async Task<MessageAck> SendMessageWithFiles(string propertyId, string visitorToken, Guid chatId, string commandId, string text, IReadOnlyList<string> attachmentIds)
    {
        var visitorId = await tokens.VerifyAsync(propertyId, visitorToken);
        var chat = cluster.GetGrain<IChatGrain>(chatId);
        if (!await IsOwnChatAsync(chat, propertyId, visitorId))
        {
            throw DomainException.NotFound("The chat");
        }

        var attachments = await uploads.ResolveAsync(chatId, attachmentIds, Context.ConnectionAborted);
        return await chat.PostMessageAsync(new PostMessage(propertyId, commandId, AuthorKind.Visitor, visitorId, "", text, attachments));
    }

    /// <summary>
    /// The chat's place in the queue of chats waiting for an agent (RTE-1): 1 is next, 0 means it is not waiting. Later changes arrive
    /// as <c>queuePlace(chatId, place)</c> on the connection that started the chat.
    /// </summary>
    public async Task<int> GetQueuePlace(string propertyId, string visitorToken, Guid chatId)
    {
        var visitorId = await tokens.VerifyAsync(propertyId, visitorToken);
        if (!await IsOwnChatAsync(cluster.GetGrain<IChatGrain>(chatId), propertyId, visitorId))
        {
            throw DomainException.NotFound("The chat");
        }

        return await cluster.GetGrain<IRoutingGrain>(propertyId).GetQueuePlaceAsync(chatId);
    }

    /// <summary>The visitor's rating of their chat (CHAT-8): Good or Bad with an optional comment; a later one replaces it.</summary>
    public async Task RateChat(string propertyId, string visitorToken, Guid chatId, ChatRatingValue value, string? comment)
    {
        var visitorId = await tokens.VerifyAsync(propertyId, visitorToken);
        await cluster.GetGrain<IChatGrain>(chatId).RateAsync(new RateChat(propertyId, visitorId, value, comment));
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

    /// <summary>The name and email the visitor typed in the pre-chat form; blank ones are left as they are.</summary>
    public async Task UpdateContact(string propertyId, string visitorToken, string? name, string? email)
    {
        var visitorId = await tokens.VerifyAsync(propertyId, visitorToken);
        await visits.Visitor(propertyId, visitorId).UpdateAboutAsync(
            new UpdateVisitorAbout(Blank(name), Blank(email), null, null, null, null));
    }

    public async Task TrackPageView(string propertyId, string visitorToken, string url, string? title)
    {
        var visitorId = await tokens.VerifyAsync(propertyId, visitorToken);
        limits.PageView(propertyId, visitorId);
        await visits.Visitor(propertyId, visitorId).RecordPageViewAsync(new PageView(url, title, default));
    }

    /// <summary>Tells the property's agents that the visitor is (or stopped) typing in their chat.</summary>
    public async Task Typing(string propertyId, string visitorToken, Guid chatId, bool isTyping)
    {
        var visitorId = await tokens.VerifyAsync(propertyId, visitorToken);
        if (!await IsOwnChatAsync(cluster.GetGrain<IChatGrain>(chatId), propertyId, visitorId))
        {
            throw DomainException.NotFound("The chat");
        }

        await typing.ToAgentsAsync(propertyId, new TypingChanged(chatId, AuthorKind.Visitor, null, isTyping));
    }

    /// <summary>The visitor has seen the chat's messages up to <paramref name="sequence"/> (the widget is open on them): agents see "Seen".</summary>
    public async Task MarkSeen(string propertyId, string visitorToken, Guid chatId, long sequence)
    {
        var visitorId = await tokens.VerifyAsync(propertyId, visitorToken);
        if (sequence < 1)
        {
            throw new HubException("A seen mark names a message sequence of 1 or more.");
        }

        if (!await IsOwnChatAsync(cluster.GetGrain<IChatGrain>(chatId), propertyId, visitorId))
        {
            throw DomainException.NotFound("The chat");
        }

        await typing.SeenToAgentsAsync(propertyId, new VisitorSeen(chatId, sequence));
    }

    public override Task OnDisconnectedAsync(Exception? exception) =>
        relay.LeaveAllAsync(Audience.Visitors, Context.ConnectionId);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>Whether the chat exists in the property and is this visitor's.</summary>
    public static async Task<bool> IsOwnChatAsync(IChatGrain chat, string propertyId, string visitorId)
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

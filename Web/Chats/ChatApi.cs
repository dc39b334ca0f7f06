using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Tickets;
using Conversations.Hosting.Attachments;
using Conversations.Web.Access;
using Conversations.Web.Attachments;
using Conversations.Web.Conversations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.Web.Chats;

public static class ChatApi
{
    public static IEndpointRouteBuilder MapChatApi(this IEndpointRouteBuilder endpoints)
    {
        var chats = endpoints.MapPropertyGroup("/chats/{chatId:guid}").WithTags("Chats");

        chats.MapGet("", GetChatAsync).WithName("GetChat").WithSummary("A chat's header: visitor, status, counters, version.");
        chats.MapGet("/messages", GetMessagesAsync).WithName("GetChatMessages")
            .WithSummary("Messages after a sequence number, oldest first (at most 'limit', 1-1000, default 100).");
        chats.MapPost("/messages", PostMessageAsync).WithName("PostChatMessage")
            .WithSummary("An agent reply. 'commandId' is an idempotency key: a retry returns the first acknowledgement.")
            .ProducesRefusals();
        chats.MapPost("/close", CloseAsync).WithName("CloseChat")
            .WithSummary("Closes the chat (CHAT-2). Irreversible; closing a closed chat changes nothing.")
            .ProducesRefusals();
        chats.MapPost("/ticket", ConvertToTicketAsync).WithName("ConvertChatToTicket")
            .WithSummary("Creates the chat's ticket with a copy of the transcript (CHAT-3); needs the visitor's email if the chat has none. Repeating it returns the same ticket.")
            .ProducesRefusals();

        endpoints.MapPropertyGroup("/chats/{conversationId:guid}")
            .WithTags("Chats")
            .MapConversationCommands<IChatGrain>("Chat");
        return endpoints;
    }

    private static async Task<Ok<ChatView>> GetChatAsync(string propertyId, Guid chatId, IClusterClient cluster) =>
        TypedResults.Ok(await cluster.GetGrain<IChatGrain>(chatId).GetAsync(propertyId));

    private static async Task<Ok<IReadOnlyList<ConversationMessage>>> GetMessagesAsync(
        string propertyId, Guid chatId, IClusterClient cluster, long after = 0, int limit = 100) =>
        TypedResults.Ok(await cluster.GetGrain<IChatGrain>(chatId).GetMessagesAsync(propertyId, after, limit));

    private static async Task<Ok<ChatView>> CloseAsync(string propertyId, Guid chatId, IClusterClient cluster) =>
        TypedResults.Ok(await cluster.GetGrain<IChatGrain>(chatId).CloseAsync(propertyId));

    private static async Task<Ok<TicketView>> ConvertToTicketAsync(string propertyId, Guid chatId, ConvertChatRequest request, IClusterClient cluster) =>
        TypedResults.Ok(await cluster.GetGrain<IChatGrain>(chatId).ConvertToTicketAsync(new ConvertChatToTicket(propertyId, request.VisitorEmail, request.Subject)));

    private static async Task<Ok<MessageAck>> PostMessageAsync(
        string propertyId, Guid chatId, PostAgentMessageRequest request, HttpContext http, IClusterClient cluster, AttachmentUploads uploads)
    {
        var chat = cluster.GetGrain<IChatGrain>(chatId);
        await chat.GetAsync(propertyId); // 404 before looking at files, unless the chat is in this property
        var attachments = await uploads.ResolveAsync(chatId, request.AttachmentIds, http.RequestAborted);
        return TypedResults.Ok(await chat.PostMessageAsync(
            new PostMessage(propertyId, request.CommandId, AuthorKind.Agent, http.User.AgentId()!.Value.ToString(), http.User.AgentName(), request.Text, attachments)));
    }
}

using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Realtime;
using Conversations.Web.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.Web.Realtime;

/// <summary>The agent side of typing indicators and seen marks (the visitor side is <see cref="VisitorHub.Typing"/> and <see cref="VisitorHub.MarkSeen"/>).</summary>
public static class TypingApi
{
    public static IEndpointRouteBuilder MapTypingApi(this IEndpointRouteBuilder endpoints)
    {
        var chat = endpoints.MapPropertyGroup("/chats/{chatId:guid}").WithTags("Chats");
        chat.MapPost("/typing", NotifyAsync).WithName("NotifyAgentTyping")
            .WithSummary("Tells the chat's visitor that the calling agent is typing (or stopped); nothing is stored.");
        chat.MapPost("/seen", SeenAsync).WithName("MarkChatSeen")
            .WithSummary("Tells the chat's visitor that an agent has seen its messages up to a sequence (CHAT-1 seen marks); nothing is stored.")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return endpoints;
    }

    private static async Task<NoContent> NotifyAsync(
        string propertyId, Guid chatId, TypingRequest request, HttpContext http, IClusterClient cluster, TypingNotifier typing)
    {
        await cluster.GetGrain<IChatGrain>(chatId).GetAsync(propertyId);
        var notice = new TypingChanged(chatId, AuthorKind.Agent, http.User.AgentName(), request.IsTyping);
        await typing.ToVisitorAsync(propertyId, notice);
        await typing.ToAgentsAsync(propertyId, notice);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> SeenAsync(string propertyId, Guid chatId, SeenRequest request, IClusterClient cluster, TypingNotifier typing)
    {
        if (request.Sequence < 1)
        {
            throw DomainException.Invalid("A seen mark names a message sequence of 1 or more.");
        }

        await cluster.GetGrain<IChatGrain>(chatId).GetAsync(propertyId);
        await typing.SeenToVisitorAsync(propertyId, new AgentSeen(chatId, request.Sequence));
        return TypedResults.NoContent();
    }
}

using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Realtime;
using Conversations.Web.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.Web.Realtime;

/// <summary>The agent side of typing indicators (the visitor side is <see cref="VisitorHub.Typing"/>).</summary>
public static class TypingApi
{
    public static IEndpointRouteBuilder MapTypingApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPropertyGroup("/chats/{chatId:guid}").WithTags("Chats")
            .MapPost("/typing", NotifyAsync).WithName("NotifyAgentTyping")
            .WithSummary("Tells the chat's visitor that the calling agent is typing (or stopped); nothing is stored.");
        return endpoints;
    }

    private static async Task<NoContent> NotifyAsync(
        string propertyId, Guid chatId, TypingRequest request, HttpContext http, IClusterClient cluster, TypingNotifier typing)
    {
        await cluster.GetGrain<IChatGrain>(chatId).GetAsync(propertyId);
        var notice = new TypingChanged(chatId, AuthorKind.Agent, http.User.AgentName(), request.IsTyping);
        await typing.ToVisitorAsync(notice);
        await typing.ToAgentsAsync(propertyId, notice);
        return TypedResults.NoContent();
    }
}

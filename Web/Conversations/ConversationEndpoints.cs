using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Web.Access;
using Conversations.Web.Chats;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.Web.Conversations;

/// <summary>The endpoints chats and tickets share: whispers, assignee, tags, trash, spam, restore and purge.</summary>
public static class ConversationEndpoints
{
    /// <summary>Maps the shared commands on a group whose route ends in <c>{propertyId}/…/{conversationId:guid}</c>.</summary>
    public static RouteGroupBuilder MapConversationCommands<TGrain>(this RouteGroupBuilder group, string kind)
        where TGrain : IConversationGrain
    {
        var noun = kind.ToLowerInvariant();
        group.ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/whispers", async (string propertyId, Guid conversationId, PostAgentMessageRequest request, HttpContext http, IClusterClient cluster) =>
                TypedResults.Ok(await cluster.GetGrain<TGrain>(conversationId).WhisperAsync(
                    new PostWhisper(propertyId, request.CommandId, http.User.AgentId()!.Value.ToString(), http.User.AgentName(), request.Text))))
            .WithName($"Whisper{kind}")
            .WithSummary($"A message between agents in a {noun} (TIC-4); visitors never see it. 'commandId' is an idempotency key.");

        group.MapPost("/assignee", async (string propertyId, Guid conversationId, AssignConversationRequest request, IClusterClient cluster) =>
                TypedResults.Ok(await cluster.GetGrain<TGrain>(conversationId).AssignAsync(new AssignConversation(propertyId, request.Kind, request.AssigneeId))))
            .WithName($"Assign{kind}")
            .WithSummary($"Assigns the {noun} to an agent (an agent picking it up assigns it to themself) or a department, or unassigns it (CHAT-1, TIC-6). " +
                "The assignee must be an agent or a department of this property (422 otherwise).")
            .ProducesRefusals();

        group.MapPost("/tags", async (string propertyId, Guid conversationId, ChangeTagsRequest request, IClusterClient cluster) =>
                TypedResults.Ok(await cluster.GetGrain<TGrain>(conversationId).ChangeTagsAsync(new ChangeTags(propertyId, request.Add, request.Remove))))
            .WithName($"Change{kind}Tags")
            .WithSummary($"Adds and removes tags of a {noun}: trimmed, lower-cased, at most 32 characters each and 20 in all.");

        group.MapPost("/trash", async (string propertyId, Guid conversationId, IClusterClient cluster) =>
                TypedResults.Ok(await cluster.GetGrain<TGrain>(conversationId).TrashAsync(propertyId)))
            .WithName($"Trash{kind}")
            .WithSummary($"Moves the {noun} to Trash (BIN-1).");

        group.MapPost("/spam", async (string propertyId, Guid conversationId, IClusterClient cluster) =>
                TypedResults.Ok(await cluster.GetGrain<TGrain>(conversationId).MarkSpamAsync(propertyId)))
            .WithName($"MarkSpam{kind}")
            .WithSummary($"Moves the {noun} to Spam (BIN-3).");

        group.MapPost("/restore", async (string propertyId, Guid conversationId, IClusterClient cluster) =>
                TypedResults.Ok(await cluster.GetGrain<TGrain>(conversationId).RestoreAsync(propertyId)))
            .WithName($"Restore{kind}")
            .WithSummary($"Puts a trashed or spam {noun} back in the inbox exactly as it was (BIN-1, BIN-3).");

        group.MapPost("/purge", async Task<NoContent> (string propertyId, Guid conversationId, IClusterClient cluster) =>
            {
                await cluster.GetGrain<TGrain>(conversationId).PurgeAsync(propertyId);
                return TypedResults.NoContent();
            })
            .WithName($"Purge{kind}")
            .WithSummary($"Deletes a trashed or spam {noun} and its messages for good (BIN-2). Irreversible.");
        return group;
    }
}

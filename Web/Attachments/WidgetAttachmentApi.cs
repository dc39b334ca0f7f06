using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Configuration;
using Conversations.Hosting.Attachments;
using Conversations.Web.Realtime;
using Conversations.Web.Validation;
using Conversations.Web.Visitors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Conversations.Web.Attachments;

/// <summary>
/// The widget's side of attachments (CHAT-1): a visitor uploads files to their own chat and downloads the files of its
/// messages, with the signed visitor token as the only credential (in the query, so a picture's &lt;img src&gt; works).
/// Someone else's chat is 404; uploads count against the visitor's message rate limit (429).
/// </summary>
public static class WidgetAttachmentApi
{
    public static IEndpointRouteBuilder MapWidgetAttachmentApi(this IEndpointRouteBuilder endpoints)
    {
        var files = endpoints.MapGroup("/api/v1/widget/chats/{chatId:guid}/attachments").WithTags("Widget")
            .AllowAnonymous().RequireCors(WidgetApi.CorsPolicy)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).CheckKeys();
        files.MapPost("", UploadAsync).WithName("UploadVisitorAttachment")
            .WithSummary("A visitor uploads a file (multipart/form-data, field 'file') to their own chat, then sends a message listing it (visitor hub SendMessageWithFiles). 413 too large, 415 a type that is not accepted, 422 no file, 429 too many.")
            .DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status429TooManyRequests);
        files.MapGet("/{attachmentId}", DownloadAsync).WithName("DownloadVisitorAttachment")
            .WithSummary("A file of a message in the visitor's own chat, as a download.");
        return endpoints;
    }

    private static async Task<Results<Ok<MessageAttachment>, ProblemHttpResult>> UploadAsync(
        Guid chatId, string propertyId, string visitorToken, IClusterClient cluster, VisitorTokens tokens, VisitorRateLimits limits,
        AttachmentUploads uploads, IOptions<ConversationsSettings> settings, HttpContext http)
    {
        var visitorId = await OwnChatAsync(chatId, propertyId, visitorToken, cluster, tokens);
        try
        {
            limits.Message(propertyId, visitorId);
        }
        catch (HubException limited)
        {
            return TypedResults.Problem(limited.Message, statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests");
        }

        return await UploadedFile.StoreAsync(http, chatId, settings.Value.Email.MaxAttachmentBytes, uploads);
    }

    private static async Task<FileStreamHttpResult> DownloadAsync(
        Guid chatId, string attachmentId, string propertyId, string visitorToken, IClusterClient cluster, VisitorTokens tokens,
        AttachmentDownloads downloads, HttpContext http)
    {
        await OwnChatAsync(chatId, propertyId, visitorToken, cluster, tokens);
        return await AttachmentDownload.ServeAsync(chatId, attachmentId, downloads, http);
    }

    private static async Task<string> OwnChatAsync(Guid chatId, string propertyId, string visitorToken, IClusterClient cluster, VisitorTokens tokens)
    {
        var visitorId = await tokens.VerifyAsync(propertyId, visitorToken);
        return await VisitorHub.IsOwnChatAsync(cluster.GetGrain<IChatGrain>(chatId), propertyId, visitorId)
            ? visitorId
            : throw DomainException.NotFound("The chat");
    }
}

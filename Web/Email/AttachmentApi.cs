using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Tickets;
using Conversations.Hosting.Attachments;
using Conversations.Web.Access;
using Conversations.Web.Attachments;
using Conversations.Web.Conversations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Conversations.Grains.Interfaces.Configuration;
using Conversations.Grains.Interfaces.Common;

namespace Conversations.Web.Email;

/// <summary>
/// Attachments for members of the conversation's property: uploads (an agent's files for a reply, listed by id in the
/// reply) and downloads of every file a chat or ticket message lists, inbound email attachments included.
/// </summary>
public static class AttachmentApi
{
    public static IEndpointRouteBuilder MapAttachmentApi(this IEndpointRouteBuilder endpoints)
    {
        var tickets = endpoints.MapPropertyGroup("/tickets/{ticketId:guid}/attachments").WithTags("Email");
        tickets.MapGet("/{attachmentId}", DownloadTicketFileAsync).WithName("DownloadTicketAttachment")
            .WithSummary("An attachment of a ticket message (listed in the message's 'attachments'), as a download.");
        tickets.MapPost("", UploadTicketFileAsync).WithName("UploadTicketAttachment")
            .WithSummary("Uploads a file (multipart/form-data, field 'file') for a reply, which lists it in 'attachmentIds' (TIC-2). 413 too large, 415 a type that is not accepted, 422 no file.")
            .DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesRefusals();

        var chats = endpoints.MapPropertyGroup("/chats/{chatId:guid}/attachments").WithTags("Chats");
        chats.MapGet("/{attachmentId}", DownloadChatFileAsync).WithName("DownloadChatAttachment")
            .WithSummary("An attachment of a chat message (listed in the message's 'attachments'), as a download.");
        chats.MapPost("", UploadChatFileAsync).WithName("UploadChatAttachment")
            .WithSummary("Uploads a file (multipart/form-data, field 'file') for an agent's message, which lists it in 'attachmentIds' (CHAT-1). 413 too large, 415 a type that is not accepted, 422 no file.")
            .DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesRefusals();
        return endpoints;
    }

    private static async Task<FileStreamHttpResult> DownloadTicketFileAsync(
        string propertyId, Guid ticketId, string attachmentId, IClusterClient cluster, AttachmentDownloads downloads, HttpContext http)
    {
        await cluster.GetGrain<ITicketGrain>(ticketId).GetAsync(propertyId); // 404 unless the ticket is in this property
        return await AttachmentDownload.ServeAsync(ticketId, attachmentId, downloads, http);
    }

    private static async Task<FileStreamHttpResult> DownloadChatFileAsync(
        string propertyId, Guid chatId, string attachmentId, IClusterClient cluster, AttachmentDownloads downloads, HttpContext http)
    {
        await cluster.GetGrain<IChatGrain>(chatId).GetAsync(propertyId);
        return await AttachmentDownload.ServeAsync(chatId, attachmentId, downloads, http);
    }

    private static async Task<Results<Ok<MessageAttachment>, ProblemHttpResult>> UploadTicketFileAsync(
        string propertyId, Guid ticketId, IClusterClient cluster, AttachmentUploads uploads, IOptions<ConversationsSettings> settings, HttpContext http)
    {
        await cluster.GetGrain<ITicketGrain>(ticketId).GetAsync(propertyId);
        return await UploadedFile.StoreAsync(http, ticketId, settings.Value.Email.MaxAttachmentBytes, uploads);
    }

    private static async Task<Results<Ok<MessageAttachment>, ProblemHttpResult>> UploadChatFileAsync(
        string propertyId, Guid chatId, IClusterClient cluster, AttachmentUploads uploads, IOptions<ConversationsSettings> settings, HttpContext http)
    {
        await cluster.GetGrain<IChatGrain>(chatId).GetAsync(propertyId);
        return await UploadedFile.StoreAsync(http, chatId, settings.Value.Email.MaxAttachmentBytes, uploads);
    }
}

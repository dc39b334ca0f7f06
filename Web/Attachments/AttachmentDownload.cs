using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Email;
using Conversations.Hosting;
using Conversations.Hosting.Attachments;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.Web.Attachments;

/// <summary>
/// An attachment served to someone allowed to see its conversation (the caller has checked). Always a download
/// (Content-Disposition: attachment), never sniffed, sandboxed, and only as one of the allowed types, so a hostile
/// file cannot run in the console's or the widget's origin.
/// </summary>
public static class AttachmentDownload
{
    public static async Task<FileStreamHttpResult> ServeAsync(Guid conversationId, string attachmentId, AttachmentDownloads downloads, HttpContext http)
    {
        if (!StorageNames.IsAttachmentId(attachmentId))
        {
            throw NotFound();
        }

        var attachment = await downloads.OpenAsync(conversationId, attachmentId, http.RequestAborted) ?? throw NotFound();
        var type = attachment.ContentType is { } stored && AttachmentTypes.IsAllowed(stored) ? stored : "application/octet-stream";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        http.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.Stream(attachment.Content, type, attachment.Name);
    }

    private static DomainException NotFound() => DomainException.NotFound("The attachment");
}

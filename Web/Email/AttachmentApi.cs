using System.Text.RegularExpressions;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Email;
using Conversations.Grains.Interfaces.Tickets;
using Conversations.Hosting.Attachments;
using Conversations.Web.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.Web.Email;

/// <summary>
/// Downloads of inbound email attachments by members of the ticket's property. Always served as a
/// download (Content-Disposition: attachment), never sniffed, sandboxed, and only as one of the
/// allowed types, so a hostile file cannot run in the console's origin.
/// </summary>
public static partial class AttachmentApi
{
    public static IEndpointRouteBuilder MapAttachmentApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPropertyGroup("/tickets/{ticketId:guid}/attachments/{attachmentId}").WithTags("Email")
            .MapGet("", DownloadAsync).WithName("DownloadTicketAttachment")
            .WithSummary("An attachment of a ticket message (listed in the message's 'attachments'), as a download.");
        return endpoints;
    }

    private static async Task<FileStreamHttpResult> DownloadAsync(
        string propertyId, Guid ticketId, string attachmentId, IClusterClient cluster, AttachmentDownloads attachments, HttpContext http)
    {
        await cluster.GetGrain<ITicketGrain>(ticketId).GetAsync(propertyId); // 404 unless the ticket is in this property
        if (!AttachmentId().IsMatch(attachmentId))
        {
            throw NotFound();
        }

        var attachment = await attachments.OpenAsync(ticketId, attachmentId, http.RequestAborted) ?? throw NotFound();
        var type = attachment.ContentType is { } stored && AttachmentTypes.IsAllowed(stored) ? stored : "application/octet-stream";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        http.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.Stream(attachment.Content, type, attachment.Name);
    }

    private static DomainException NotFound() => DomainException.NotFound("The attachment");

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex AttachmentId();
}

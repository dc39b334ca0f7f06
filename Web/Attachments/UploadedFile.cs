using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Email;
using Conversations.Hosting.Attachments;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.Web.Attachments;

/// <summary>
/// One file uploaded as multipart/form-data (field "file"), judged like an inbound email's files: 413 when larger than
/// the limit, 415 when not an allowed type (or the content does not match it), 422 when there is no file or it is empty.
/// The name is cleaned (no path, control or bidi characters, at most 100 characters); the id is new.
/// </summary>
public static class UploadedFile
{
    // Room for the multipart boundaries and headers around the file.
    private const long EnvelopeBytes = 64 * 1024;

    public static async Task<Results<Ok<MessageAttachment>, ProblemHttpResult>> StoreAsync(
        HttpContext http, Guid conversationId, long maxBytes, AttachmentUploads uploads)
    {
        if (!http.Request.HasFormContentType)
        {
            return Refused(StatusCodes.Status415UnsupportedMediaType, "Send the file as multipart/form-data in a field named \"file\".");
        }

        if (http.Request.ContentLength > maxBytes + EnvelopeBytes)
        {
            return TooLarge(maxBytes);
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes + EnvelopeBytes;
        }

        IFormFile? file;
        try
        {
            file = (await http.Request.ReadFormAsync(http.RequestAborted)).Files.GetFile("file");
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(maxBytes);
        }
        catch (InvalidDataException)
        {
            return Refused(StatusCodes.Status422UnprocessableEntity, "The upload could not be read as multipart/form-data.");
        }

        if (file is null || file.Length == 0)
        {
            return Refused(StatusCodes.Status422UnprocessableEntity, "Choose a file that is not empty (form field \"file\").");
        }

        if (file.Length > maxBytes)
        {
            return TooLarge(maxBytes);
        }

        var name = AttachmentNames.Safe(file.FileName);
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, http.RequestAborted);
        if (AttachmentTypes.Judge(file.ContentType ?? "application/octet-stream", name, buffer.GetBuffer().AsSpan(0, (int)buffer.Length), out var reason) is not { } type)
        {
            return Refused(StatusCodes.Status415UnsupportedMediaType, $"{name} cannot be attached: {reason}. Pictures (PNG, JPEG, GIF, WebP), PDF, text, CSV and Office documents can.");
        }

        var attachment = new MessageAttachment(Guid.NewGuid().ToString("N"), name, type, buffer.Length);
        buffer.Position = 0;
        await uploads.SaveAsync(conversationId, attachment, buffer, http.RequestAborted);
        return TypedResults.Ok(attachment);
    }

    private static ProblemHttpResult TooLarge(long maxBytes) =>
        Refused(StatusCodes.Status413PayloadTooLarge, $"The file is too large: files of at most {maxBytes / (1024 * 1024.0):0.#} MB can be attached.");

    private static ProblemHttpResult Refused(int status, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: status switch
        {
            StatusCodes.Status413PayloadTooLarge => "Too large",
            StatusCodes.Status415UnsupportedMediaType => "Unsupported type",
            _ => "Invalid",
        });
}

namespace Conversations.Grains.Interfaces.Email;

/// <summary>
/// The file types kept from inbound email: documents and pictures that browsers do not run.
/// Each type has the file name extensions it may carry and, where the format has one, the bytes it
/// starts with, so a renamed program is not kept as a picture. No HTML, SVG, archives or programs.
/// </summary>
public static class AttachmentTypes
{
    private static readonly byte[] Zip = "PK\u0003\u0004"u8.ToArray();

    private static readonly Dictionary<string, (string[] Extensions, byte[]? Magic)> Allowed = new(StringComparer.OrdinalIgnoreCase)
    {
        ["image/png"] = ([".png"], [0x89, 0x50, 0x4E, 0x47]),
        ["image/jpeg"] = ([".jpg", ".jpeg"], [0xFF, 0xD8, 0xFF]),
        ["image/gif"] = ([".gif"], "GIF8"u8.ToArray()),
        ["image/webp"] = ([".webp"], "RIFF"u8.ToArray()),
        ["application/pdf"] = ([".pdf"], "%PDF-"u8.ToArray()),
        ["text/plain"] = ([".txt", ".log"], null),
        ["text/csv"] = ([".csv"], null),
        ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"] = ([".docx"], Zip),
        ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"] = ([".xlsx"], Zip),
        ["application/vnd.openxmlformats-officedocument.presentationml.presentation"] = ([".pptx"], Zip),
    };

    public static bool IsAllowed(string contentType) => Allowed.ContainsKey(contentType);

    /// <summary>
    /// The type a file is kept as, or null with the reason it is not: the declared type must be allowed
    /// (a generic application/octet-stream is judged by the extension), the name's extension must fit
    /// it, and the content must look like it.
    /// </summary>
    public static string? Judge(string declaredType, string fileName, ReadOnlySpan<byte> content, out string reason)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var type = declaredType.ToLowerInvariant();
        if (type == "application/octet-stream")
        {
            type = Allowed.FirstOrDefault(t => t.Value.Extensions.Contains(extension)).Key ?? type;
        }

        reason = "";
        if (!Allowed.TryGetValue(type, out var rule))
        {
            reason = $"files of type {declaredType} are not accepted";
            return null;
        }

        if (!rule.Extensions.Contains(extension))
        {
            reason = $"the name does not end in {string.Join(" or ", rule.Extensions)} as a {type} file should";
            return null;
        }

        if (rule.Magic is { } magic ? !content.StartsWith(magic) : content.Contains((byte)0))
        {
            reason = $"the content does not match its type {type}";
            return null;
        }

        return type;
    }
}

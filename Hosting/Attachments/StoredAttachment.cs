namespace Conversations.Hosting.Attachments;

/// <summary>An attachment read back from storage: its content, the content type stored with it, and its file name.</summary>
public sealed record StoredAttachment(Stream Content, string? ContentType, string Name);

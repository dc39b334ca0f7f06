namespace Conversations.Grains.Email;

/// <summary>One attachment of a received email as the sender declared it (file name, MIME type) and its decoded bytes.</summary>
public sealed record ReceivedFile(string? FileName, string MimeType, ReadOnlyMemory<byte> Content);

namespace Conversations.Grains.Interfaces.Common;

/// <summary>
/// A file that came with a message (an inbound email's attachment), stored in blob storage under
/// the conversation; members download it by <see cref="Id"/>. <see cref="Size"/> is in bytes.
/// </summary>
[GenerateSerializer, Immutable, Alias("Conversations.MessageAttachment")]
public sealed record MessageAttachment(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string ContentType,
    [property: Id(3)] long Size)
{
    /// <summary>The most files one message lists.</summary>
    public const int MaxPerMessage = 20;
}

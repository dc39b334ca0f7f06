namespace Conversations.Grains.Interfaces.Chats;

/// <summary>Only the chat's own visitor may rate it; anyone else gets NotFound.</summary>
[GenerateSerializer, Immutable, Alias("Conversations.RateChat")]
public sealed record RateChat(
    [property: Id(0)] string PropertyId,
    [property: Id(1)] string VisitorId,
    [property: Id(2)] ChatRatingValue Value,
    [property: Id(3)] string? Comment);

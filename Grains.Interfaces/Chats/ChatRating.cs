namespace Conversations.Grains.Interfaces.Chats;

[GenerateSerializer, Immutable, Alias("Conversations.ChatRating")]
public sealed record ChatRating(
    [property: Id(0)] ChatRatingValue Value,
    [property: Id(1)] string? Comment,
    [property: Id(2)] DateTimeOffset At);

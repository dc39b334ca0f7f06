namespace Conversations.Grains.Interfaces.Visitors;

[GenerateSerializer, Immutable, Alias("Conversations.PageView")]
public sealed record PageView(
    [property: Id(0)] string Url,
    [property: Id(1)] string? Title,
    [property: Id(2)] DateTimeOffset At);

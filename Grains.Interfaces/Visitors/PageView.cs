namespace Conversations.Grains.Interfaces.Visitors;

/// <summary>One page a visitor opened; <see cref="Sequence"/> counts the visitor's page views from 1 (0 on a command).</summary>
[GenerateSerializer, Immutable, Alias("Conversations.PageView")]
public sealed record PageView(
    [property: Id(0)] string Url,
    [property: Id(1)] string? Title,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] long Sequence = 0);

namespace Conversations.Grains.Interfaces.Properties;

[GenerateSerializer, Immutable, Alias("Conversations.PropertyView")]
public sealed record PropertyView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string WidgetKey,
    [property: Id(3)] string? SupportEmail,
    [property: Id(4)] DateTimeOffset CreatedAt);

namespace Conversations.Grains.Interfaces.Visitors;

[GenerateSerializer, Immutable, Alias("Conversations.VisitorDevice")]
public sealed record VisitorDevice(
    [property: Id(0)] string Os,
    [property: Id(1)] string Browser,
    [property: Id(2)] string Kind);

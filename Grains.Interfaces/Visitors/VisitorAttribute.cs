namespace Conversations.Grains.Interfaces.Visitors;

/// <summary>A custom attribute; the value is kept in its invariant text form (number "12.5", date "2026-11-25", bool "true").</summary>
[GenerateSerializer, Immutable, Alias("Conversations.VisitorAttribute")]
public sealed record VisitorAttribute(
    [property: Id(0)] string Name,
    [property: Id(1)] AttributeType Type,
    [property: Id(2)] string Value);

namespace Conversations.Grains.Interfaces.Visitors;

/// <summary>One conversation in a visitor's history (VIS-5).</summary>
[GenerateSerializer, Immutable, Alias("Conversations.ConversationLink")]
public sealed record ConversationLink(
    [property: Id(0)] Guid ConversationId,
    [property: Id(1)] ConversationKind Kind,
    [property: Id(2)] string Status,
    [property: Id(3)] DateTimeOffset StartedAt,
    [property: Id(4)] DateTimeOffset LastActivityAt);

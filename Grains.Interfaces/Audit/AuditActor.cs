namespace Conversations.Grains.Interfaces.Audit;

/// <summary>Who did an action (AUD-1): the signed-in agent (or API token's agent) the web node served.</summary>
[GenerateSerializer, Immutable, Alias("Conversations.AuditActor")]
public sealed record AuditActor(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name);

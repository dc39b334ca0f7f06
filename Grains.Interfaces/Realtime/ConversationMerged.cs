namespace Conversations.Grains.Interfaces.Realtime;

/// <summary>MRG-1: the conversation was merged into <see cref="SurvivorId"/>; it is read-only from now on, a link to the survivor.</summary>
[GenerateSerializer, Immutable, Alias("Conversations.ConversationMerged")]
public sealed record ConversationMerged(
    string PropertyId,
    Guid ConversationId,
    long Version,
    DateTimeOffset At,
    [property: Id(0)] Guid SurvivorId) : ConversationEvent(PropertyId, ConversationId, Version, At)
{
    public override bool VisibleToVisitor => false;
}

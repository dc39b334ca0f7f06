using Conversations.Grains.Interfaces.Common;

namespace Conversations.Grains.Interfaces.Realtime;

[GenerateSerializer, Immutable, Alias("Conversations.MessagePosted")]
public sealed record MessagePosted(
    string PropertyId,
    Guid ConversationId,
    long Version,
    DateTimeOffset At,
    [property: Id(0)] ConversationMessage Message) : ConversationEvent(PropertyId, ConversationId, Version, At)
{
    public override bool VisibleToVisitor => !Message.IsInternal;
}

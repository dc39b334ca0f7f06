using Conversations.Grains.Interfaces.Common;

namespace Conversations.Grains.Interfaces.Realtime;

/// <summary>A chat or ticket moved to or from Trash or Spam, or was purged (BIN-1..3).</summary>
[GenerateSerializer, Immutable, Alias("Conversations.BinChanged")]
public sealed record BinChanged(
    string PropertyId,
    Guid ConversationId,
    long Version,
    DateTimeOffset At,
    [property: Id(0)] BinState Bin) : ConversationEvent(PropertyId, ConversationId, Version, At)
{
    public override bool VisibleToVisitor => false;
}

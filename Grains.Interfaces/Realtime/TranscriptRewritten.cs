namespace Conversations.Grains.Interfaces.Realtime;

/// <summary>
/// MRG-1: a merge or a split rewrote the ticket's transcript. Its visible messages are now <see cref="FirstSequence"/>..
/// <see cref="LastSequence"/> of the message log (in time order); readers of the transcript read it again.
/// <see cref="MergedIds"/> are the conversations a merge took in; <see cref="SplitTicketId"/> the ticket a split made.
/// </summary>
[GenerateSerializer, Immutable, Alias("Conversations.TranscriptRewritten")]
public sealed record TranscriptRewritten(
    string PropertyId,
    Guid ConversationId,
    long Version,
    DateTimeOffset At,
    [property: Id(0)] long FirstSequence,
    [property: Id(1)] long LastSequence,
    [property: Id(2)] IReadOnlyList<Guid> MergedIds,
    [property: Id(3)] Guid? SplitTicketId) : ConversationEvent(PropertyId, ConversationId, Version, At)
{
    public override bool VisibleToVisitor => false;
}

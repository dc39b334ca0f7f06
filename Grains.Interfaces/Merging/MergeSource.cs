using Conversations.Grains.Interfaces.Inbox;

namespace Conversations.Grains.Interfaces.Merging;

/// <summary>
/// What a conversation being merged gives its survivor (MRG-1): its kind, the sequences of its visible messages
/// (<see cref="FirstSequence"/>..<see cref="LastSequence"/> in the message log) and its tags. Once sealed, none of it changes.
/// </summary>
[GenerateSerializer, Immutable, Alias("Conversations.MergeSource")]
public sealed record MergeSource(
    [property: Id(0)] Guid Id,
    [property: Id(1)] ConversationKind Kind,
    [property: Id(2)] long FirstSequence,
    [property: Id(3)] long LastSequence,
    [property: Id(4)] IReadOnlyList<string> Tags);

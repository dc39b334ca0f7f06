using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Inbox;

namespace Conversations.Grains.Interfaces.Search;

/// <summary>
/// One hit: a message of a conversation (<see cref="Sequence"/> from 1), or the conversation's own fields (subject or visitor
/// name, email, tags: Sequence 0). <see cref="Snippet"/> is HTML: the text escaped, the matches in &lt;mark&gt;.
/// </summary>
[GenerateSerializer, Immutable, Alias("Conversations.ConversationSearchHit")]
public sealed record ConversationSearchHit(
    [property: Id(0)] Guid ConversationId,
    [property: Id(1)] ConversationKind Kind,
    [property: Id(2)] string Title,
    [property: Id(3)] InboxStatus Status,
    [property: Id(4)] BinState Place,
    [property: Id(5)] long Sequence,
    [property: Id(6)] bool IsWhisper,
    [property: Id(7)] string Snippet,
    [property: Id(8)] float Score,
    [property: Id(9)] DateTimeOffset UpdatedAt);

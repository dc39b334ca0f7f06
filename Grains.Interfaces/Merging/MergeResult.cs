using Conversations.Grains.Interfaces.Tickets;

namespace Conversations.Grains.Interfaces.Merging;

/// <summary>The answer to a merge (MRG-1): the survivor as it is now and the conversations the merge took in.</summary>
[GenerateSerializer, Immutable, Alias("Conversations.MergeResult")]
public sealed record MergeResult(
    [property: Id(0)] string MergeId,
    [property: Id(1)] TicketView Survivor,
    [property: Id(2)] IReadOnlyList<Guid> Merged);

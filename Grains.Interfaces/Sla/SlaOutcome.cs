using Conversations.Grains.Interfaces.Inbox;

namespace Conversations.Grains.Interfaces.Sla;

/// <summary>
/// What a conversation's SLA came to so far (SLA-1), for the reports (RPT-1). Cumulative, not a delta: each decision makes a new
/// outcome with the next <see cref="Sequence"/>, so a reader keeps the one with the highest sequence and a repeat changes nothing.
/// A first response and a resolution are decided once; each wait for a next response is decided on its own.
/// </summary>
[GenerateSerializer, Immutable, Alias("Conversations.SlaOutcome")]
public sealed record SlaOutcome(
    [property: Id(0)] Guid ConversationId,
    [property: Id(1)] ConversationKind Kind,
    [property: Id(2)] long Sequence,
    [property: Id(3)] SlaResult? FirstResponse = null,
    [property: Id(4)] int NextResponsesMet = 0,
    [property: Id(5)] int NextResponsesBreached = 0,
    [property: Id(6)] SlaResult? Resolution = null)
{
    public int Met => Count(SlaResult.Met) + NextResponsesMet;

    public int Breached => Count(SlaResult.Breached) + NextResponsesBreached;

    private int Count(SlaResult result) => (FirstResponse == result ? 1 : 0) + (Resolution == result ? 1 : 0);
}

using Conversations.Grains.Interfaces.Routing;

namespace Conversations.Grains.Routing;

/// <summary>
/// A property's routing. Bounded: only open conversations are followed (at most <see cref="RoutingGrain.MaxFollowed"/>), and the
/// finished ones are remembered only as a short list of recent ids that makes a repeated start event harmless.
/// </summary>
[GenerateSerializer, Alias("Conversations.RoutingState")]
public sealed class RoutingState
{
    [Id(0)] public RoutingSettings Settings { get; set; } = RoutingSettings.Off;
    [Id(1)] public Dictionary<Guid, AgentCapacity> Capacities { get; set; } = [];
    [Id(2)] public Dictionary<Guid, RoutedConversation> Conversations { get; set; } = [];
    [Id(3)] public long NextQueueNumber { get; set; } = 1;

    /// <summary>The round robin's place: the agent last given a conversation, per department ("" for the whole property).</summary>
    [Id(4)] public Dictionary<string, Guid> LastAssigned { get; set; } = [];

    [Id(5)] public List<Guid> RecentlyFinished { get; set; } = [];
}

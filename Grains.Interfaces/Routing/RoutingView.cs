namespace Conversations.Grains.Interfaces.Routing;

/// <summary>A property's routing: its settings, the agents' capacities and loads, and how many conversations wait in its queue.</summary>
[GenerateSerializer, Immutable, Alias("Conversations.RoutingView")]
public sealed record RoutingView(
    [property: Id(0)] RoutingSettings Settings,
    [property: Id(1)] IReadOnlyList<AgentLoad> Agents,
    [property: Id(2)] int Waiting);

namespace Conversations.Grains.Routing;

/// <summary>Where a routed conversation stands (RTE-1); it leaves routing when it closes, leaves the inbox or goes to a manual department.</summary>
public enum RoutingStage
{
    /// <summary>A chat the visitor opened but has not written in yet: it takes nobody's capacity.</summary>
    Started = 0,

    /// <summary>In the queue, for the next agent with room.</summary>
    Waiting = 1,

    Assigned = 2,
}

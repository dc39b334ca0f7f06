namespace Conversations.Grains.Interfaces.Routing;

/// <summary>
/// RTE-1: one per property (keyed by its id). It follows the property's committed changes and agents' presence, and owns every count
/// routing relies on, so assignments made for chats started on any silo are decided one at a time and never exceed a capacity.
/// </summary>
[Alias("Conversations.IRoutingGrain")]
public interface IRoutingGrain : IGrainWithStringKey
{
    [Alias("Get")]
    Task<RoutingView> GetAsync();

    [Alias("SetSettings")]
    Task<RoutingView> SetSettingsAsync(RoutingSettings settings);

    /// <summary>Sets one agent's capacities (a member of the property); null capacities return the agent to the defaults.</summary>
    [Alias("SetCapacity")]
    Task<RoutingView> SetCapacityAsync(Guid agentId, int? chats, int? tickets);

    /// <summary>The chat's place in the queue, 0 when it is not waiting.</summary>
    [Alias("GetQueuePlace")]
    Task<int> GetQueuePlaceAsync(Guid conversationId);
}

namespace Conversations.Web.Realtime;

/// <summary>How this node checks that its live-feed subscriptions still exist (<see cref="LiveFeedRepair"/>).</summary>
public sealed class LiveFeedSettings
{
    public const string SectionName = "Conversations:LiveFeeds";

    /// <summary>Every topic's subscription is checked this often, whatever happened.</summary>
    public TimeSpan CheckPeriod { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// After the node's gateways change (a silo died, stopped or joined), the checks this long after it: a subscription is
    /// dropped when a pulling agent fails to reach this node, which can happen until the cluster has settled.
    /// </summary>
    public TimeSpan[] AfterGatewayChange { get; set; } =
        [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(40)];

    /// <summary>
    /// This long after the node's gateways last changed, every subscription is replaced and its listeners told to refetch,
    /// listed or not: once the dead silo's queues have moved, a listed subscription can still receive nothing.
    /// </summary>
    public TimeSpan RenewAfterGatewayChange { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Topics whose renewal failed (storage or the cluster briefly unavailable) are tried again this much later.</summary>
    public TimeSpan RenewalRetryDelay { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// How often this node reads the cluster's gateway list. A silo that joins takes stream queues over, yet this node
    /// connects to its gateway only when it has a call for it, so its connections alone can miss the change for minutes.
    /// </summary>
    public TimeSpan GatewayListPollPeriod { get; set; } = TimeSpan.FromSeconds(5);
}

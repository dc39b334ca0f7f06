namespace Conversations.Web.Realtime;

/// <summary>
/// Notes that this node's set of connected gateways changed (a silo left, died or joined) or that it lost the cluster:
/// the moments a live-feed subscription can be lost (<see cref="TopicRelay.RepairAsync"/>). Orleans calls it on its own threads.
/// </summary>
public sealed class GatewayChanges : IClusterConnectionStatusObserver
{
    private int _changed;

    /// <summary>True once after each change (or run of changes) since the last call.</summary>
    public bool Take() => Interlocked.Exchange(ref _changed, 0) == 1;

    public void NotifyGatewayCountChanged(int currentNumberOfGateways, int previousNumberOfGateways, bool connectionRecovered) =>
        Volatile.Write(ref _changed, 1);

    public void NotifyClusterConnectionLost() => Volatile.Write(ref _changed, 1);
}

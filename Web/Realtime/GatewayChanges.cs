namespace Conversations.Web.Realtime;

/// <summary>
/// Notes that this node's set of connected gateways changed (a silo left, died or joined) or that it lost the cluster:
/// the moments a live-feed subscription can be lost (<see cref="TopicRelay.RepairAsync"/>), and the moment a call in
/// flight can be lost (<see cref="LostToken"/>). Orleans calls it on its own threads.
/// </summary>
public sealed class GatewayChanges : IClusterConnectionStatusObserver
{
    private int _changed;
    private CancellationTokenSource _lost = new();

    /// <summary>True once after each change (or run of changes) since the last call.</summary>
    public bool Take() => Interlocked.Exchange(ref _changed, 0) == 1;

    /// <summary>
    /// Cancelled when a gateway of this node is lost after the token was taken. A grain call in flight through a silo that
    /// died (as its gateway, or as the host of the grain) never gets its answer and would wait for the full response
    /// timeout; a caller that takes this token before its call can give up at once and be retried instead.
    /// </summary>
    public CancellationToken LostToken => Volatile.Read(ref _lost).Token;

    /// <summary>The cluster's gateway list changed (a silo joined or left) without a connection of this node changing.</summary>
    public void ListChanged() => Volatile.Write(ref _changed, 1);

    public void NotifyGatewayCountChanged(int currentNumberOfGateways, int previousNumberOfGateways, bool connectionRecovered)
    {
        Volatile.Write(ref _changed, 1);
        if (currentNumberOfGateways < previousNumberOfGateways)
        {
            Lost();
        }
    }

    public void NotifyClusterConnectionLost()
    {
        Volatile.Write(ref _changed, 1);
        Lost();
    }

    private void Lost()
    {
        var lost = Interlocked.Exchange(ref _lost, new CancellationTokenSource());
        // Not on Orleans' connection thread: the callers' continuations run on the thread pool.
        _ = Task.Run(lost.Cancel);
    }
}

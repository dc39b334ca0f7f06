using System.Collections.Concurrent;
using Conversations.Grains.Interfaces.Agents;

namespace Conversations.Web.Realtime;

/// <summary>
/// The console connections open on this web node, renewed with their agents every few seconds (OPS-2). When this node
/// dies the renewals stop, and the agents' grains drop its connections: presence then shows them offline within 30 s.
/// </summary>
public sealed class AgentConnectionRenewals(IClusterClient cluster, ILogger<AgentConnectionRenewals> logger) : BackgroundService
{
    /// <summary>A little under a third of the grain's lease (Grains/Agents/ConnectionLeases), so two renewals may fail.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(6);

    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<string, byte>> _open = new();

    public void Opened(Guid agentId, string connectionId) => _open.GetOrAdd(agentId, _ => new())[connectionId] = 0;

    public void Closed(Guid agentId, string connectionId)
    {
        if (_open.TryGetValue(agentId, out var connections) && connections.TryRemove(connectionId, out _) && connections.IsEmpty)
        {
            _open.TryRemove(KeyValuePair.Create(agentId, connections));
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await Parallel.ForEachAsync(_open.ToArray(), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = stoppingToken }, async (agent, _) =>
            {
                var connections = agent.Value.Keys.ToList();
                if (connections.Count == 0)
                {
                    return;
                }

                try
                {
                    await cluster.GetGrain<IAgentGrain>(agent.Key).RenewConnectionsAsync(connections);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning(ex, "Renewing the {Count} console connection(s) of agent {AgentId} failed; trying again in {Period}.", connections.Count, agent.Key, Period);
                }
            });
        }
    }
}

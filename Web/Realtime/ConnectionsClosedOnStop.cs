using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace Conversations.Web.Realtime;

/// <summary>
/// The hub connections open on this node, aborted as soon as the node is asked to stop (OPS-4). SignalR closes its
/// connections only once the server has stopped, while Kestrel waits for those same WebSockets to end: a node under
/// load then took the whole 30 s shutdown timeout to exit. Aborted at once, the widgets and consoles reconnect to
/// another node (through the load balancer) and the node exits within a couple of seconds.
/// </summary>
public sealed class ConnectionsClosedOnStop : IHubFilter, IDisposable
{
    private readonly ConcurrentDictionary<string, HubCallerContext> _open = new();
    private readonly ILogger<ConnectionsClosedOnStop> _logger;
    private readonly CancellationTokenRegistration _onStopping;
    private volatile bool _stopping;

    public ConnectionsClosedOnStop(IHostApplicationLifetime lifetime, ILogger<ConnectionsClosedOnStop> logger)
    {
        _logger = logger;
        _onStopping = lifetime.ApplicationStopping.Register(AbortAll);
    }

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        _open[context.Context.ConnectionId] = context.Context;
        await next(context);
        if (_stopping)
        {
            // Opened while the node was stopping (after AbortAll took its list): the client must go to another node too.
            context.Context.Abort();
        }
    }

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        _open.TryRemove(context.Context.ConnectionId, out _);
        return next(context, exception);
    }

    public void Dispose() => _onStopping.Dispose();

    private void AbortAll()
    {
        _stopping = true;
        var open = _open.Values.ToList();
        foreach (var connection in open)
        {
            connection.Abort();
        }

        _logger.LogInformation("Stopping: aborted {Count} hub connection(s) so that their clients reconnect to another node.", open.Count);
    }
}

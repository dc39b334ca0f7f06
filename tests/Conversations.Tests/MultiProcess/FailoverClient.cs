using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Tests.MultiProcess;

/// <summary>
/// A hub connection that, when its web node is gone, connects to the next one it knows, as a
/// browser behind a load balancer would; <see cref="OnConnectedAsync"/> restores what the client
/// had (groups, chats) after every new connection.
/// </summary>
public sealed class FailoverClient(IReadOnlyList<Uri> webNodes, int preferred, string hubPath, Action<HttpConnectionOptions>? configure = null) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private HubConnection? _connection;
    private int _node = preferred;

    public Func<HubConnection, Task> OnConnectedAsync { get; set; } = _ => Task.CompletedTask;

    public Uri CurrentNode => webNodes[_node % webNodes.Count];

    public async Task<HubConnection> ConnectionAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_connection is { State: HubConnectionState.Connected } live)
            {
                return live;
            }

            for (var attempt = 0; ; attempt++)
            {
                if (_connection is not null)
                {
                    await _connection.DisposeAsync();
                }

                _connection = new HubConnectionBuilder()
                    .WithUrl(new Uri(CurrentNode, hubPath), o => configure?.Invoke(o))
                    .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
                    .Build();
                try
                {
                    await _connection.StartAsync();
                    await OnConnectedAsync(_connection);
                    return _connection;
                }
                catch (Exception) when (attempt < 40)
                {
                    _node++;
                    await Task.Delay(250);
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }
}

using System.Net.WebSockets;
using System.Text;

namespace Conversations.Load.Bench.References;

/// <summary>A raw WebSocket client of the echo endpoint; echoes come back in order, so pending sends wait in a queue.</summary>
public sealed class EchoSocket : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly Queue<TaskCompletionSource> _pending = new();
    private Task _receiving = Task.CompletedTask;

    public static async Task<EchoSocket> ConnectAsync(Uri server)
    {
        var client = new EchoSocket();
        var uri = new UriBuilder(server) { Scheme = "ws", Path = ReferenceServer.WebSocketPath }.Uri;
        await client._socket.ConnectAsync(uri, CancellationToken.None);
        client._receiving = Task.Run(client.ReceiveAsync);
        return client;
    }

    public async Task EchoAsync(string payload)
    {
        var echoed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await _sending.WaitAsync();
        try
        {
            lock (_pending)
            {
                _pending.Enqueue(echoed);
            }

            await _socket.SendAsync(Encoding.UTF8.GetBytes(payload), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            _sending.Release();
        }

        await echoed.Task;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception ex) when (ex is WebSocketException or TimeoutException or OperationCanceledException)
        {
            // The server is going away as well.
        }

        await _receiving.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { });
        _socket.Dispose();
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var received = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                if (!received.EndOfMessage)
                {
                    continue;
                }

                lock (_pending)
                {
                    _pending.Dequeue().TrySetResult();
                }
            }
        }
        catch (WebSocketException)
        {
            // Closed under us; pending sends time out in the runner.
        }
    }
}

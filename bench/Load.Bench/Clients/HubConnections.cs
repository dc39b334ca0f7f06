using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Load.Bench.Clients;

/// <summary>SignalR client connections as the console and the widget open them: JSON protocol, enums as names, WebSockets.</summary>
public static class HubConnections
{
    public static async Task<HubConnection> StartAsync(Uri hub, Action<HttpConnectionOptions>? configure = null, Action<HubConnection>? handlers = null)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(hub, o =>
            {
                // Straight to the WebSocket: a negotiate request per connection would keep one idle pooled socket
                // per HubConnection on each side, and at 5,000 connections that passes the 20,000 open files a process may hold here.
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                configure?.Invoke(o);
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
        connection.ServerTimeout = TimeSpan.FromMinutes(2);
        handlers?.Invoke(connection);
        await connection.StartAsync();
        return connection;
    }

    /// <summary>Runs <paramref name="open"/> <paramref name="count"/> times, at most <paramref name="parallel"/> at once.</summary>
    public static async Task<T[]> OpenManyAsync<T>(int count, int parallel, Func<int, Task<T>> open)
    {
        var results = new T[count];
        var opened = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = parallel },
            async (i, _) =>
            {
                results[i] = await open(i);
                var done = Interlocked.Increment(ref opened);
                if (done % 500 == 0)
                {
                    // Opening thousands takes minutes; a rate that falls as more are open is a finding of its own.
                    BenchLog.Write($"Opened {done} of {count} in {clock.Elapsed.TotalSeconds:0} s");
                }
            });
        return results;
    }
}

using System.Collections.Concurrent;
using Conversations.Grains.Interfaces.Chats;
using Conversations.Web.Visitors;
using Microsoft.AspNetCore.SignalR.Client;

namespace Conversations.Tests.MultiProcess;

/// <summary>
/// A widget that sends a message every <paramref name="pause"/> (~300 ms) and retries each with the same command id, after
/// <paramref name="retryDelay"/> (200 ms), until it is acknowledged.
/// </summary>
public sealed class KillTestVisitor(VisitorSession session, FailoverClient client, TimeSpan pause, TimeSpan? retryDelay = null) : IAsyncDisposable
{
    private readonly List<DateTimeOffset> _ackTimes = [];

    public Guid ChatId { get; } = Guid.NewGuid();

    public VisitorSession Session => session;

    public FailoverClient Client => client;

    public ConcurrentDictionary<string, MessageAck> Acknowledged { get; } = new();

    public ConcurrentBag<string> Sent { get; } = [];

    /// <summary>Every call, acknowledged or failed, with how long it took.</summary>
    public ConcurrentQueue<CallAttempt> Attempts { get; } = new();

    public async Task StartAsync()
    {
        client.OnConnectedAsync = connection =>
            connection.InvokeAsync<ChatView>("StartChat", session.PropertyId, session.VisitorToken, ChatId, "Kill test");
        await client.ConnectionAsync();
    }

    public async Task SendSteadilyAsync(CancellationToken stop)
    {
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var commandId = $"{ChatId:N}-{n}";
            Sent.Add(commandId);
            while (true)
            {
                var attemptAt = DateTimeOffset.UtcNow;
                try
                {
                    var connection = await client.ConnectionAsync();
                    attemptAt = DateTimeOffset.UtcNow;
                    var ack = await connection.InvokeAsync<MessageAck>("SendMessage", session.PropertyId, session.VisitorToken, ChatId, commandId, $"message {n}")
                        .WaitAsync(TimeSpan.FromSeconds(40));
                    Attempts.Enqueue(new CallAttempt(attemptAt, DateTimeOffset.UtcNow - attemptAt, null));
                    Acknowledged[commandId] = ack;
                    lock (_ackTimes)
                    {
                        _ackTimes.Add(DateTimeOffset.UtcNow);
                    }

                    break;
                }
                catch (Exception e) when (!stop.IsCancellationRequested)
                {
                    Attempts.Enqueue(new CallAttempt(attemptAt, DateTimeOffset.UtcNow - attemptAt, $"{e.GetType().Name}: {e.Message}"));
                    // Unavailable, timed out or disconnected: the same command id again never applies twice.
                    await Task.Delay(retryDelay ?? TimeSpan.FromMilliseconds(200), CancellationToken.None);
                }
                catch (Exception)
                {
                    return; // stopping: an unacknowledged last message may or may not be stored, both are fine
                }
            }

            if (pause > TimeSpan.Zero)
            {
                await Task.Delay(pause, CancellationToken.None);
            }
        }
    }

    /// <summary>The longest time without an acknowledgement between <paramref name="from"/> and <paramref name="until"/>.</summary>
    public TimeSpan LongestWaitBetween(DateTimeOffset from, DateTimeOffset until)
    {
        lock (_ackTimes)
        {
            var times = _ackTimes.Where(t => t >= from && t <= until).Prepend(from).Append(until).ToList();
            return times.Zip(times.Skip(1), (a, b) => b - a).DefaultIfEmpty(TimeSpan.Zero).Max();
        }
    }

    public ValueTask DisposeAsync() => client.DisposeAsync();
}

using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Conversations.Grains.Interfaces.Chats;

namespace Conversations.Tests.MultiProcess;

/// <summary>
/// An agent replying over REST in turn to each of <paramref name="chatIds"/> every <paramref name="pause"/> (~300 ms),
/// retrying each reply with the same command id until it is acknowledged; records every call.
/// </summary>
public sealed class RestAgentSender(HttpClient admin, IReadOnlyList<Guid> chatIds, TimeSpan? pause = null)
{
    public ConcurrentDictionary<string, (Guid ChatId, MessageAck Ack)> Acknowledged { get; } = new();

    public ConcurrentBag<(Guid ChatId, string CommandId)> Sent { get; } = [];

    /// <summary>Every call; a failure is described as "{status} Retry-After={value}" or by its exception.</summary>
    public ConcurrentQueue<CallAttempt> Attempts { get; } = new();

    public async Task SendSteadilyAsync(CancellationToken stop)
    {
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var chatId = chatIds[n % chatIds.Count];
            var commandId = $"agent-{n}";
            Sent.Add((chatId, commandId));
            while (!stop.IsCancellationRequested)
            {
                var at = DateTimeOffset.UtcNow;
                string? error;
                try
                {
                    using var response = await admin.PostAsJsonAsync(
                        $"/api/v1/properties/{ProcessCluster.Property}/chats/{chatId}/messages", new { commandId, text = $"reply {n}" }, CancellationToken.None);
                    error = response.StatusCode == HttpStatusCode.OK
                        ? null
                        : $"{(int)response.StatusCode} Retry-After={response.Headers.RetryAfter?.ToString() ?? "none"}";
                    if (error is null)
                    {
                        Acknowledged[commandId] = (chatId, (await response.Content.ReadFromJsonAsync<MessageAck>(ProcessCluster.Json))!);
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    error = $"{e.GetType().Name}: {e.Message}";
                }

                Attempts.Enqueue(new CallAttempt(at, DateTimeOffset.UtcNow - at, error));
                if (error is null)
                {
                    break;
                }

                await Task.Delay(200, CancellationToken.None);
            }

            await Task.Delay(pause ?? TimeSpan.FromMilliseconds(300), CancellationToken.None);
        }
    }
}

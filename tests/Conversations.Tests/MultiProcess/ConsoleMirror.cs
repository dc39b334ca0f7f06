using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Conversations.Web.Realtime;
using Microsoft.AspNetCore.SignalR.Client;

namespace Conversations.Tests.MultiProcess;

/// <summary>
/// An agent's console keeping its chat list current as the real one does (ClientApp console/actions/realtime.ts): after
/// every (re)connect it joins the property's feed and refetches the list; in between, each live "messagePosted" moves
/// its chat's message count forward. Typing notices it receives are kept for the end checks.
/// </summary>
public sealed class ConsoleMirror(FailoverClient client, CookieContainer cookies) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<Guid, long> _counts = new();
    private int _joins;
    private int _resyncs;

    /// <summary>(chat, sequence) → command id of every message seen live.</summary>
    public ConcurrentDictionary<(Guid Chat, long Sequence), string> LiveSequences { get; } = new();

    public ConcurrentQueue<TypingNotice> Typing { get; } = new();

    /// <summary>How many times the console joined its property (1 + its reconnects).</summary>
    public int Joins => Volatile.Read(ref _joins);

    /// <summary>How many times its node told it to refetch because the node's feed had a gap.</summary>
    public int Resyncs => Volatile.Read(ref _resyncs);

    public FailoverClient Client => client;

    /// <summary>The agent's id (a new agent of the property, signed in on the web node of <paramref name="index"/>).</summary>
    public Guid AgentId { get; private init; }

    /// <summary>A new agent's console, started on web node <paramref name="index"/> (mod the node count) and failing over to the others.</summary>
    public static async Task<ConsoleMirror> ConnectNewAgentAsync(ProcessCluster cluster, HttpClient admin, int index, string name)
    {
        var (id, cookies) = await ProcessCluster.NewSignedInAgentAsync(admin, cluster.WebNodes[index % cluster.WebNodes.Count], name);
        var console = new ConsoleMirror(new FailoverClient(cluster.WebNodes, index, AgentHub.Path, o => o.Cookies = cookies), cookies) { AgentId = id };
        await console.StartAsync();
        return console;
    }

    public long MessageCount(Guid chatId) => _counts.TryGetValue(chatId, out var count) ? count : 0;

    public async Task StartAsync()
    {
        client.OnConnectedAsync = async connection =>
        {
            connection.On<JsonElement>(RealtimeDelivery.EventMethod, OnEvent);
            connection.On<TypingNotice>(TypingNotifier.Method, Typing.Enqueue);
            // The node's feed was interrupted (its subscription lost with a silo): the list is read again, as after a reconnect.
            connection.On(RealtimeDelivery.ResyncMethod, () =>
            {
                Interlocked.Increment(ref _resyncs);
                _ = RefetchQuietlyAsync();
            });
            await connection.InvokeAsync("JoinProperty", ProcessCluster.Property);
            // Events sent while it was disconnected are not replayed: the list is read again (after joining, so nothing falls between).
            await RefetchAsync();
            Interlocked.Increment(ref _joins);
        };
        await client.ConnectionAsync();
    }

    /// <summary>Reconnects (to another node when its own is gone) whenever the connection drops, until <paramref name="stop"/>.</summary>
    public async Task KeepConnectedAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await client.ConnectionAsync();
            }
            catch (Exception) when (!stop.IsCancellationRequested)
            {
                // every node briefly unreachable or the cluster refusing: the next round tries again
            }

            await Task.Delay(500, CancellationToken.None);
        }
    }

    public ValueTask DisposeAsync() => client.DisposeAsync();

    private async Task RefetchAsync()
    {
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = client.CurrentNode, Timeout = TimeSpan.FromSeconds(20) };
        foreach (var row in await ClusterChecks.InboxRowsAsync(http))
        {
            _counts.AddOrUpdate(row.Key, row.Value.MessageCount, (_, count) => Math.Max(count, row.Value.MessageCount));
        }
    }

    private async Task RefetchQuietlyAsync()
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            try
            {
                await RefetchAsync();
                return;
            }
            catch (Exception)
            {
                await Task.Delay(1000); // the cluster still settling: read again shortly
            }
        }
    }

    private void OnEvent(JsonElement evt)
    {
        if (evt.GetProperty("type").GetString() != "messagePosted")
        {
            return;
        }

        var chatId = evt.GetProperty("conversationId").GetGuid();
        var message = evt.GetProperty("message");
        var sequence = message.GetProperty("sequence").GetInt64();
        var commandId = message.GetProperty("commandId").GetString()!;
        LiveSequences.AddOrUpdate((chatId, sequence), commandId, (_, seen) => seen == commandId ? seen : $"{seen} and {commandId}");
        _counts.AddOrUpdate(chatId, sequence, (_, count) => Math.Max(count, sequence));
    }
}

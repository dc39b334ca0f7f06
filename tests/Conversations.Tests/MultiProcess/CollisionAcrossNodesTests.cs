using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Conversations.Grains.Interfaces.Collision;
using Conversations.Tests.Infrastructure;
using Conversations.Web.Realtime;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit.Abstractions;

namespace Conversations.Tests.MultiProcess;

/// <summary>COL-1 across real web nodes: a viewer on one node is seen by a console on the other, and vanishes within seconds when its node dies.</summary>
[Trait("Category", "MultiProcess"), Collection(MultiProcessCollection.Name)]
public sealed class CollisionAcrossNodesTests(ITestOutputHelper output) : ProcessClusterTest
{
    protected override Task<ProcessCluster> StartClusterAsync() => ProcessCluster.StartAsync(silos: 1, webs: 2);

    [Fact, Trait("Spec", "COL-1"), Trait("Spec", "OPS-2")]
    public async Task COL1_a_viewer_on_one_web_node_is_seen_on_the_other_and_gone_within_seconds_after_its_node_dies()
    {
        var cookies = new CookieContainer();
        var conversationId = Guid.NewGuid();
        using (var admin = await ProcessCluster.SignInAsync(Cluster.WebNodes[0], cookies))
        {
            // the web nodes share the key ring: one sign-in opens hubs on both; only a conversation that exists can be watched
            (await admin.PostAsJsonAsync($"/api/v1/properties/{ProcessCluster.Property}/tickets",
                new { ticketId = conversationId, subject = "Watched", requesterEmail = "w@example.com", text = "Hello" })).EnsureSuccessStatusCode();
        }

        var seen = new BlockingCollection<WatchersChanged>();
        await using var consoleOnA = ProcessCluster.AgentHubConnection(Cluster.WebNodes[0], cookies);
        consoleOnA.On<WatchersChanged>(RealtimeDelivery.WatchersMethod, change =>
        {
            if (change.ConversationId == conversationId)
            {
                seen.Add(change);
            }
        });
        await consoleOnA.StartAsync();
        await consoleOnA.InvokeAsync("JoinProperty", ProcessCluster.Property);

        await using var consoleOnB = ProcessCluster.AgentHubConnection(Cluster.WebNodes[1], cookies);
        await consoleOnB.StartAsync();
        await consoleOnB.InvokeAsync("WatchConversation", ProcessCluster.Property, conversationId, true);
        var watching = Next(seen, TimeSpan.FromSeconds(15));
        Assert.True(Assert.Single(watching.Watchers).IsReplying);

        Cluster.Node("web-1").Kill();
        var sinceKill = Stopwatch.StartNew();
        var gone = Next(seen, TimeSpan.FromSeconds(30));
        output.WriteLine($"The viewer of the killed web node vanished {sinceKill.Elapsed.TotalSeconds:F1} s after the kill.");
        Assert.Empty(gone.Watchers);
        Assert.True(sinceKill.Elapsed <= TimeSpan.FromSeconds(15), $"Still shown {sinceKill.Elapsed.TotalSeconds:F1} s after its web node died.");
    }

    private static WatchersChanged Next(BlockingCollection<WatchersChanged> seen, TimeSpan wait) =>
        seen.TryTake(out var next, wait) ? next : throw new TimeoutException($"No watchers event within {wait.TotalSeconds} s.");

}

using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Grains.Interfaces.Collision;
using Conversations.Tests.Infrastructure;
using Conversations.Web.Realtime;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Conversations.Tests.Collision;

/// <summary>COL-1 through the agent hub: who views and who replies in a conversation reaches the property's other consoles live.</summary>
[Collection(WebCollection.Name)]
public sealed class WatchersHubTests(WebFixture fixture)
{
    [Fact, Trait("Spec", "COL-1"), Trait("Spec", "ADM-4")]
    public async Task COL1_viewing_and_replying_reach_other_consoles_live_and_vanish_when_the_agent_leaves()
    {
        using var alice = await SignedInAgent.CreateAsync(fixture);
        using var bob = await SignedInAgent.CreateAsync(fixture, alice.PropertyId);
        var conversationId = Guid.NewGuid();

        await using var bobHub = await bob.ConnectHubAsync(AgentHub.Path);
        var seen = new BlockingCollection<WatchersChanged>();
        bobHub.On<WatchersChanged>(RealtimeDelivery.WatchersMethod, change =>
        {
            if (change.ConversationId == conversationId)
            {
                seen.Add(change);
            }
        });
        await bobHub.InvokeAsync("JoinProperty", alice.PropertyId);

        var aliceHub = await alice.ConnectHubAsync(AgentHub.Path);
        await aliceHub.InvokeAsync("WatchConversation", alice.PropertyId, conversationId, false);
        var viewing = await NextAsync(seen);
        Assert.Equal((alice.AgentId, false), (viewing.Watchers.Single().AgentId, viewing.Watchers.Single().IsReplying));

        await aliceHub.InvokeAsync("WatchConversation", alice.PropertyId, conversationId, true);
        Assert.True((await NextAsync(seen)).Watchers.Single().IsReplying);

        // A console that joins later reads the list (hub and REST).
        var snapshot = await bobHub.InvokeAsync<List<WatchersChanged>>("GetWatchers", alice.PropertyId);
        Assert.Equal(alice.AgentId, snapshot.Single(s => s.ConversationId == conversationId).Watchers.Single().AgentId);
        var rest = await bob.Http.GetFromJsonAsync<JsonElement>($"/api/v1/properties/{alice.PropertyId}/watchers");
        Assert.Contains(rest.EnumerateArray(), c => c.GetProperty("conversationId").GetGuid() == conversationId);

        // Another property's agent sees nothing of it.
        using var stranger = await SignedInAgent.CreateAsync(fixture);
        await using var strangerHub = await stranger.ConnectHubAsync(AgentHub.Path);
        await Assert.ThrowsAsync<HubException>(() => strangerHub.InvokeAsync<List<WatchersChanged>>("GetWatchers", alice.PropertyId));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync($"/api/v1/properties/{alice.PropertyId}/watchers")).StatusCode);

        // Closing the console ends the watch at once.
        await aliceHub.DisposeAsync();
        Assert.Empty((await NextAsync(seen)).Watchers);
    }

    private static async Task<WatchersChanged> NextAsync(BlockingCollection<WatchersChanged> seen) =>
        await Task.Run(() => seen.TryTake(out var next, TimeSpan.FromSeconds(10)) ? next : throw new TimeoutException("No watchers event within 10 s."));
}

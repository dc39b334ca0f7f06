using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Grains.Interfaces.Chats;
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
        await fixture.Cluster.Client.GetGrain<IChatGrain>(conversationId).StartAsync(new StartChat(alice.PropertyId, "v-watch", "Wanda"));

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

    [Fact, Trait("Spec", "COL-1"), Trait("Spec", "X-1")]
    public async Task COL1_watching_a_conversation_that_does_not_exist_or_is_another_propertys_is_refused_with_a_clear_error()
    {
        using var alice = await SignedInAgent.CreateAsync(fixture);
        using var stranger = await SignedInAgent.CreateAsync(fixture);
        var theirs = Guid.NewGuid();
        await fixture.Cluster.Client.GetGrain<IChatGrain>(theirs).StartAsync(new StartChat(stranger.PropertyId, "v-theirs", "Theo"));
        await using var hub = await alice.ConnectHubAsync(AgentHub.Path);

        foreach (var conversationId in new[] { Guid.NewGuid(), theirs })
        {
            var refused = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync("WatchConversation", alice.PropertyId, conversationId, false));
            Assert.Contains("no such conversation", refused.Message);
        }

        Assert.DoesNotContain(await hub.InvokeAsync<List<WatchersChanged>>("GetWatchers", alice.PropertyId), w => w.ConversationId == theirs);

        // A ticket of the property is watched (and a change to replying in it needs no new check).
        var ticketId = Guid.NewGuid();
        (await alice.Http.PostAsJsonAsync($"/api/v1/properties/{alice.PropertyId}/tickets",
            new { ticketId, subject = "Watch me", requesterEmail = "req@example.com", text = "Hello" })).EnsureSuccessStatusCode();
        await hub.InvokeAsync("WatchConversation", alice.PropertyId, ticketId, false);
        await hub.InvokeAsync("WatchConversation", alice.PropertyId, ticketId, true);
        var watched = (await hub.InvokeAsync<List<WatchersChanged>>("GetWatchers", alice.PropertyId)).Single(w => w.ConversationId == ticketId);
        Assert.True(watched.Watchers.Single().IsReplying);
    }

    private static async Task<WatchersChanged> NextAsync(BlockingCollection<WatchersChanged> seen) =>
        await Task.Run(() => seen.TryTake(out var next, TimeSpan.FromSeconds(10)) ? next : throw new TimeoutException("No watchers event within 10 s."));
}

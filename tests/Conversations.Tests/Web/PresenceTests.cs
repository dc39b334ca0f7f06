using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Conversations.Grains.Interfaces.Agents;
using Conversations.Grains.Interfaces.Properties;
using Conversations.Tests.Infrastructure;
using Conversations.Web.Realtime;
using Microsoft.AspNetCore.SignalR.Client;

namespace Conversations.Tests.Web;

[Collection(WebCollection.Name)]
public sealed class PresenceTests(WebFixture fixture)
{
    [Fact, Trait("Spec", "ADM-2")]
    public async Task ADM2_an_agents_presence_is_shown_live_to_the_other_agents_of_the_property()
    {
        using var watcher = await SignedInAgent.CreateAsync(fixture);
        using var colleague = await SignedInAgent.CreateAsync(fixture, watcher.PropertyId, PropertyRole.Agent);
        await using var watching = await watcher.ConnectHubAsync(AgentHub.Path);
        var changes = Channel.CreateUnbounded<JsonElement>();
        watching.On<JsonElement>(RealtimeDelivery.PresenceMethod, change => changes.Writer.TryWrite(change));
        await watching.InvokeAsync("JoinProperty", watcher.PropertyId);

        var console = await colleague.ConnectHubAsync(AgentHub.Path);
        Assert.Equal("Online", await NextPresenceOfAsync(changes, colleague.AgentId));

        await console.InvokeAsync<AgentPresence>("SetPresence", AgentPresence.Away);
        Assert.Equal("Away", await NextPresenceOfAsync(changes, colleague.AgentId));
        var agents = await watcher.Http.GetFromJsonAsync<JsonElement>($"/api/v1/properties/{watcher.PropertyId}/agents");
        Assert.Contains(agents.EnumerateArray(), a => a.GetProperty("id").GetGuid() == colleague.AgentId && a.GetProperty("presence").GetString() == "Away");

        await console.DisposeAsync();
        Assert.Equal("Offline", await NextPresenceOfAsync(changes, colleague.AgentId));
    }

    [Fact, Trait("Spec", "ADM-2")]
    public async Task ADM2_offline_cannot_be_chosen_while_connected()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        await using var console = await agent.ConnectHubAsync(AgentHub.Path);

        var error = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => console.InvokeAsync<AgentPresence>("SetPresence", AgentPresence.Offline));
        Assert.Contains("Online or Away", error.Message);
    }

    private static async Task<string?> NextPresenceOfAsync(Channel<JsonElement> changes, Guid agentId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var change = await changes.Reader.ReadAsync(timeout.Token);
            if (change.GetProperty("agentId").GetGuid() == agentId)
            {
                return change.GetProperty("presence").GetString();
            }
        }
    }
}

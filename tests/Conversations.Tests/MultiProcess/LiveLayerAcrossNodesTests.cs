using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Grains.Interfaces.Agents;
using Conversations.Grains.Interfaces.Common;
using Conversations.Tests.Infrastructure;
using Conversations.Web.Properties;
using Conversations.Web.Realtime;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit.Abstractions;

namespace Conversations.Tests.MultiProcess;

/// <summary>
/// OPS-2 across real web nodes: typing, access revocation and presence reach connections on the other node, carried by
/// the cluster (Azure Queue streams, grain leases), not by the memory of the node that heard them.
/// </summary>
[Trait("Category", "MultiProcess"), Collection(MultiProcessCollection.Name)]
public sealed class LiveLayerAcrossNodesTests(ITestOutputHelper output) : ProcessClusterTest
{
    protected override Task<ProcessCluster> StartClusterAsync() => ProcessCluster.StartAsync(silos: 1, webs: 2);

    [Fact, Trait("Spec", "OPS-2"), Trait("Spec", "CHAT-1"), Trait("Spec", "ADM-4")]
    public async Task OPS2_typing_and_access_revocation_cross_web_nodes_and_a_dead_nodes_agents_go_offline_within_30_s()
    {
        var adminCookies = new CookieContainer();
        using var admin = await ProcessCluster.SignInAsync(Cluster.WebNodes[0], adminCookies);

        // Typing: a visitor on node B, the console on node A, both ways.
        var consoleSaw = new TaskCompletionSource<TypingNotice>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var consoleOnA = ProcessCluster.AgentHubConnection(Cluster.WebNodes[0], adminCookies);
        consoleOnA.On<TypingNotice>(TypingNotifier.Method, n => consoleSaw.TrySetResult(n));
        await consoleOnA.StartAsync();
        await consoleOnA.InvokeAsync("JoinProperty", ProcessCluster.Property);

        await using var visitorOnB = await TestVisitor.ConnectAsync(Cluster.WebNodes[1], ProcessCluster.Property);
        var visitorSaw = new TaskCompletionSource<TypingNotice>(TaskCreationOptions.RunContinuationsAsynchronously);
        visitorOnB.Hub.On<TypingNotice>(TypingNotifier.Method, n => visitorSaw.TrySetResult(n));
        var chatId = Guid.NewGuid();
        await visitorOnB.StartChatAsync(chatId, "Typing across nodes");
        await visitorOnB.SendAsync(chatId, "first", "hello");

        await visitorOnB.Hub.InvokeAsync("Typing", ProcessCluster.Property, visitorOnB.Session.VisitorToken, chatId, true);
        var fromVisitor = await consoleSaw.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal((chatId, AuthorKind.Visitor, true), (fromVisitor.ConversationId, fromVisitor.AuthorKind, fromVisitor.IsTyping));

        (await admin.PostAsJsonAsync($"/api/v1/properties/{ProcessCluster.Property}/chats/{chatId}/typing", new { isTyping = true })).EnsureSuccessStatusCode();
        var fromAgent = await visitorSaw.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal((chatId, AuthorKind.Agent, true), (fromAgent.ConversationId, fromAgent.AuthorKind, fromAgent.IsTyping));

        // Access revocation: an agent whose console is on node B loses the property's feed when an admin on node A removes them.
        var email = $"agent-{Guid.NewGuid():N}@process.test";
        var added = await admin.PostAsJsonAsync($"/api/v1/properties/{ProcessCluster.Property}/agents",
            new { email, name = "Removed Agent", password = "removed-agent-password", role = "Agent" });
        added.EnsureSuccessStatusCode();
        var removed = (await added.Content.ReadFromJsonAsync<PropertyAgent>(ProcessCluster.Json))!;
        var agentCookies = new CookieContainer();
        using (var agentHttp = new HttpClient(new HttpClientHandler { CookieContainer = agentCookies }) { BaseAddress = Cluster.WebNodes[1] })
        {
            (await agentHttp.PostAsJsonAsync("/api/v1/auth/sign-in", new { email, password = "removed-agent-password" })).EnsureSuccessStatusCode();
        }

        var revoked = new TaskCompletionSource<AccessRevoked>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var agentOnB = ProcessCluster.AgentHubConnection(Cluster.WebNodes[1], agentCookies);
        agentOnB.On<AccessRevoked>(PropertyFeeds.AccessRevokedMethod, r => revoked.TrySetResult(r));
        await agentOnB.StartAsync();
        await agentOnB.InvokeAsync("JoinProperty", ProcessCluster.Property);
        (await admin.DeleteAsync($"/api/v1/properties/{ProcessCluster.Property}/agents/{removed.Id}")).EnsureSuccessStatusCode();
        Assert.Equal(ProcessCluster.Property, (await revoked.Task.WaitAsync(TimeSpan.FromSeconds(15))).PropertyId);

        // Presence: the admin's only console connection is on node B; node B dies without a word.
        await using var adminOnB = ProcessCluster.AgentHubConnection(Cluster.WebNodes[1], adminCookies);
        await adminOnB.StartAsync();
        await consoleOnA.StopAsync();
        Assert.Equal(AgentPresence.Online, await AdminPresenceAsync(admin));

        Cluster.Node("web-1").Kill();
        var sinceKill = Stopwatch.StartNew();
        while (await AdminPresenceAsync(admin) != AgentPresence.Offline && sinceKill.Elapsed < TimeSpan.FromSeconds(45))
        {
            await Task.Delay(500);
        }

        output.WriteLine($"The admin of the killed web node was shown offline {sinceKill.Elapsed.TotalSeconds:F1} s after the kill.");
        Assert.True(sinceKill.Elapsed <= TimeSpan.FromSeconds(30), $"Still not offline {sinceKill.Elapsed.TotalSeconds:F1} s after the web node died.");
    }

    private static async Task<AgentPresence> AdminPresenceAsync(HttpClient admin) =>
        (await admin.GetFromJsonAsync<List<PropertyAgent>>($"/api/v1/properties/{ProcessCluster.Property}/agents", ProcessCluster.Json))!
        .Single(a => a.Email == ProcessCluster.AdminEmail).Presence;
}

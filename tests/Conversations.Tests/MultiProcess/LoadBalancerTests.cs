using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Conversations.Tests.Infrastructure;
using Conversations.Web.Realtime;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Tests.MultiProcess;

/// <summary>
/// OPS-1 locally: Azurite, a silo, 2 web nodes and the YARP load balancer (LoadBalancer/) as real processes. A sign-in
/// through the balancer holds on every node (shared key ring), SignalR WebSockets connect through it (each connection
/// kept on the node that negotiated it), and a message sent through node A reaches a console on node B.
/// </summary>
[Trait("Category", "MultiProcess"), Collection(MultiProcessCollection.Name)]
public sealed class LoadBalancerTests : ProcessClusterTest
{
    protected override Task<ProcessCluster> StartClusterAsync() => ProcessCluster.StartAsync(silos: 1, webs: 2, loadBalancer: true);

    [Fact, Trait("Spec", "OPS-1")]
    public async Task OPS1_a_sign_in_through_the_balancer_holds_on_every_node()
    {
        var cookies = new CookieContainer();
        using var _ = await ProcessCluster.SignInAsync(Cluster.LoadBalancer!, cookies);

        foreach (var node in Cluster.WebNodes)
        {
            using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = node };
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/v1/me")).StatusCode);
        }

        // The key ring is in blob storage, not in a node's home folder (nodes on one machine would share that by chance).
        var keys = new Azure.Storage.Blobs.BlobServiceClient(Cluster.Azurite.ConnectionString).GetBlobContainerClient(Conversations.Hosting.DataProtection.BlobKeyRepository.Container);
        Assert.NotEmpty(keys.GetBlobs());

        using var stranger = new HttpClient { BaseAddress = Cluster.WebNodes[1] };
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact, Trait("Spec", "OPS-1")]
    public async Task OPS1_websockets_connect_through_the_balancer_and_a_message_through_node_A_reaches_a_console_on_node_B()
    {
        var cookies = new CookieContainer();
        using var admin = await ProcessCluster.SignInAsync(Cluster.LoadBalancer!, cookies);

        // Round robin sends the negotiations to both nodes in turn; every WebSocket must still reach the node that negotiated it.
        var throughBalancer = new List<HubConnection>();
        for (var i = 0; i < 4; i++)
        {
            var connection = AgentConnection(Cluster.LoadBalancer!, cookies);
            await connection.StartAsync();
            await connection.InvokeAsync("JoinProperty", ProcessCluster.Property);
            throughBalancer.Add(connection);
        }

        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var consoleOnB = AgentConnection(Cluster.WebNodes[1], cookies);
        consoleOnB.On<JsonElement>(RealtimeDelivery.EventMethod, evt =>
        {
            if (evt.GetProperty("type").GetString() == "messagePosted")
            {
                seen.TrySetResult(evt.GetProperty("message").GetProperty("commandId").GetString()!);
            }
        });
        await consoleOnB.StartAsync();
        await consoleOnB.InvokeAsync("JoinProperty", ProcessCluster.Property);

        await using var visitorOnA = await TestVisitor.ConnectAsync(Cluster.WebNodes[0], ProcessCluster.Property);
        var chatId = Guid.NewGuid();
        await visitorOnA.StartChatAsync(chatId, "Through node A");
        await visitorOnA.SendAsync(chatId, "via-node-a", "hello from node A");
        Assert.Equal("via-node-a", await seen.Task.WaitAsync(TimeSpan.FromSeconds(15)));

        // The widget through the balancer: no cookie, cross-site in a browser; its WebSocket is pinned the same way.
        await using var visitorViaBalancer = await TestVisitor.ConnectAsync(Cluster.LoadBalancer!, ProcessCluster.Property);
        var second = Guid.NewGuid();
        await visitorViaBalancer.StartChatAsync(second, "Through the balancer");
        var ack = await visitorViaBalancer.SendAsync(second, "via-balancer", "hello through the balancer");
        Assert.Equal(1, ack.Sequence);

        foreach (var connection in throughBalancer)
        {
            Assert.Equal(HubConnectionState.Connected, connection.State);
            await connection.DisposeAsync();
        }
    }

    private static HubConnection AgentConnection(Uri node, CookieContainer cookies) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(node, AgentHub.Path), o =>
            {
                o.Cookies = cookies;
                o.Transports = HttpTransportType.WebSockets;
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
}

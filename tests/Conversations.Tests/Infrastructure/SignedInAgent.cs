using System.Text.Json.Serialization;
using System.Net;
using System.Net.Http.Json;
using Conversations.Grains.Interfaces.Properties;
using Conversations.Web.Access;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Tests.Infrastructure;

/// <summary>An agent created on a fresh (or given) property and signed in over HTTP; its cookie also opens hubs.</summary>
public sealed class SignedInAgent : IDisposable
{
    public const string Password = "correct-horse-battery";

    private SignedInAgent(Uri baseAddress, string propertyId, string email, Guid agentId)
    {
        PropertyId = propertyId;
        Email = email;
        AgentId = agentId;
        Http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies }) { BaseAddress = baseAddress };
    }

    public string PropertyId { get; }

    public string Email { get; }

    public Guid AgentId { get; }

    public CookieContainer Cookies { get; } = new();

    public HttpClient Http { get; }

    public static Task<SignedInAgent> CreateAsync(WebFixture fixture, string? propertyId = null, PropertyRole role = PropertyRole.Admin) =>
        CreateAsync(fixture.Cluster.Client, fixture.Web, propertyId, role);

    /// <summary>An agent of <paramref name="propertyId"/> (created when new) on the given web node.</summary>
    public static async Task<SignedInAgent> CreateAsync(
        IClusterClient cluster, ConversationsWebFactory web, string? propertyId = null, PropertyRole role = PropertyRole.Admin)
    {
        propertyId ??= "p-" + Guid.NewGuid().ToString("N")[..10];
        var email = $"agent-{Guid.NewGuid():N}@example.test";
        await cluster.GetGrain<IPropertyGrain>(propertyId).CreateAsync("Test property " + propertyId, null);
        var provisioning = web.Services.GetRequiredService<AgentProvisioning>();
        var agent = await provisioning.ProvisionAsync(propertyId, email, "Agent " + email[6..12], Password, role);

        var signedIn = new SignedInAgent(web.BaseAddress, propertyId, email, agent.Id);
        var response = await signedIn.Http.PostAsJsonAsync("/api/v1/auth/sign-in", new { email, password = Password });
        response.EnsureSuccessStatusCode();
        return signedIn;
    }

    public async Task<HubConnection> ConnectHubAsync(string path)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(Http.BaseAddress!, path), o => o.Cookies = Cookies)
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
        await connection.StartAsync();
        return connection;
    }

    /// <summary>
    /// Opens a console connection and waits until the property counts the agent as online, so a widget
    /// opened next offers a chat rather than the offline form (the hub's OnConnected runs after StartAsync returns).
    /// </summary>
    public async Task<HubConnection> GoOnlineAsync(WebFixture fixture)
    {
        var connection = await ConnectHubAsync(Conversations.Web.Realtime.AgentHub.Path);
        var property = fixture.Cluster.Client.GetGrain<IPropertyGrain>(PropertyId);
        for (var i = 0; i < 100 && !await property.HasAgentOnlineAsync(); i++)
        {
            await Task.Delay(50);
        }

        return connection;
    }

    public void Dispose() => Http.Dispose();
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Conversations.Load.Bench.Clients;

/// <summary>
/// An agent signed in with email and password (a cookie session, as in the console); each console it opens
/// is an agent hub connection that joined the property's live feed and reports every message posted there.
/// </summary>
public sealed class AgentConsole
{
    public const string HubPath = "/hubs/agent";
    public const string EventMethod = "conversationEvent";

    private readonly Uri _web;
    private readonly CookieContainer _cookies;

    private AgentConsole(Uri web, CookieContainer cookies)
    {
        _web = web;
        _cookies = cookies;
    }

    public static async Task<AgentConsole> SignInAsync(Uri web, string email, string password)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = web };
        using var response = await http.PostAsJsonAsync("/api/v1/auth/sign-in", new { email, password });
        response.EnsureSuccessStatusCode();
        return new AgentConsole(web, cookies);
    }

    /// <summary>Opens a console on <paramref name="propertyId"/>; <paramref name="messagePosted"/> gets each posted message's command id.</summary>
    public async Task<HubConnection> OpenAsync(string propertyId, Action<string> messagePosted)
    {
        var connection = await HubConnections.StartAsync(new Uri(_web, HubPath), o => o.Cookies = _cookies, c =>
            c.On<JsonElement>(EventMethod, evt =>
            {
                if (evt.GetProperty("type").GetString() == "messagePosted")
                {
                    messagePosted(evt.GetProperty("message").GetProperty("commandId").GetString()!);
                }
            }));
        await connection.InvokeAsync("JoinProperty", propertyId);
        return connection;
    }
}

using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Conversations.Load.Bench.Clients;

/// <summary>
/// What the widget does: opens a signed visitor session over HTTP, connects to the visitor hub and starts a
/// chat of its own. Each visitor has its own address (sent as X-Forwarded-For; the web node is told to trust it).
/// </summary>
public sealed class WidgetVisitor : IAsyncDisposable
{
    public const string HubPath = "/hubs/visitor";

    private readonly WidgetSession _session;
    private readonly HubConnection _hub;
    private long _sent;

    private WidgetVisitor(WidgetSession session, HubConnection hub)
    {
        _session = session;
        _hub = hub;
    }

    public Guid ChatId { get; } = Guid.NewGuid();

    public static async Task<WidgetVisitor> StartChatAsync(HttpClient http, Uri web, string propertyId, int index)
    {
        var address = BenchmarkAddress(index);
        var session = await CreateSessionAsync(http, web, propertyId, address);
        var hub = await HubConnections.StartAsync(new Uri(web, HubPath), o => o.Headers["X-Forwarded-For"] = address);
        var visitor = new WidgetVisitor(session, hub);
        await StartAsync(hub, session, visitor.ChatId, $"Load visitor {index}");
        return visitor;
    }

    /// <summary>As the widget does: a 503 (storage busy while thousands open) is retried after its Retry-After.</summary>
    private static async Task<WidgetSession> CreateSessionAsync(HttpClient http, Uri web, string propertyId, string address)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(web, "/api/v1/widget/sessions"))
            {
                Content = JsonContent.Create(new { propertyId }),
            };
            request.Headers.Add("X-Forwarded-For", address);
            using var response = await http.SendAsync(request);
            if (response.StatusCode == System.Net.HttpStatusCode.ServiceUnavailable && attempt < 10)
            {
                await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromMilliseconds(200 * attempt));
                continue;
            }

            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<WidgetSession>(JsonSerializerOptions.Web))!;
        }
    }

    /// <summary>As the widget does: a start refused as briefly unavailable (storage busy while thousands open) is retried.</summary>
    private static async Task<JsonElement> StartAsync(HubConnection hub, WidgetSession session, Guid chatId, string? name)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await hub.InvokeAsync<JsonElement>("StartChat", session.PropertyId, session.VisitorToken, chatId, name);
            }
            catch (HubException ex) when (attempt < 10 && ex.Message.Contains("Unavailable", StringComparison.Ordinal))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt));
            }
        }
    }

    /// <summary>The next command id of this chat (the widget makes one per message, reused on retries).</summary>
    public string NextCommandId() => $"{ChatId:N}-{Interlocked.Increment(ref _sent)}";

    /// <summary>Sends a message; the answer (an acknowledgement) comes once the chat stored it.</summary>
    public Task<JsonElement> SendAsync(string commandId, string text) =>
        _hub.InvokeAsync<JsonElement>("SendMessage", _session.PropertyId, _session.VisitorToken, ChatId, commandId, text);

    /// <summary>How many messages the chat has stored (starting a chat that exists returns it unchanged).</summary>
    public async Task<long> StoredCountAsync()
    {
        var chat = await StartAsync(_hub, _session, ChatId, name: null);
        return chat.GetProperty("messageCount").GetInt64();
    }

    public ValueTask DisposeAsync() => _hub.DisposeAsync();

    /// <summary>An address in 198.18.0.0/15, the range set aside for benchmarks, different for each visitor.</summary>
    private static string BenchmarkAddress(int index) => $"198.{18 + (index >> 16 & 1)}.{index >> 8 & 255}.{index & 255}";
}

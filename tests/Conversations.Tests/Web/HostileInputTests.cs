using System.Net;
using System.Text;
using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Tickets;
using Conversations.Tests.Infrastructure;

namespace Conversations.Tests.Web;

/// <summary>Feeds hostile input through every conversation endpoint: each answer must be 2xx or 4xx, never 5xx.</summary>
[Collection(WebCollection.Name)]
public sealed class HostileInputTests(WebFixture fixture) : IAsyncLifetime
{
    private SignedInAgent _agent = null!;

    private string PropertyId => _agent.PropertyId;

    public async Task InitializeAsync() => _agent = await SignedInAgent.CreateAsync(fixture);

    public Task DisposeAsync()
    {
        _agent.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Text values; lone surrogates are built in code and sent as JSON escapes.</summary>
    public static readonly string[] Strings =
    [
        "", " ", "   \t\n  ", "\r\n", new('a', 5_000), new('a', 100_000), new('ß', 5_000),
        "\0", "a\0b", "\u0001\u0002\u001f\u007f", "\u0007bell", "\u202Egnp.exe", "\u200B\u200D\uFEFF", "\u2028\u2029",
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "{{7*7}}", "${jndi:ldap://x/a}",
        "'; DROP TABLE chats; --", "1 OR 1=1", "PartitionKey eq '' or RowKey ne ''", "\\", "\"", "%00", "%s%s%s%n", "../../etc/passwd",
        "😀", "👩‍👩‍👧‍👦", "\uD83D", "\uDE00", "x\uDC00\uD800y", "null", "undefined", "NaN", "-1", "0", "{\"a\":1}", "[]",
        "ann@example.com", "ann@example.com\r\nBcc: evil@example.com", "Ann <ann@example.com>", "@", "a@b", new string('a', 250) + "@example.com",
    ];

    [Fact, Trait("Spec", "X-1"), Trait("Spec", "X-2")]
    public async Task X1_hostile_input_through_the_rest_api_never_causes_a_server_error()
    {
        var http = _agent.Http;
        var chatId = Guid.NewGuid();
        var closedChatId = Guid.NewGuid();
        var ticketId = Guid.NewGuid();
        await PrepareAsync(chatId, closedChatId, ticketId);
        var chat = $"/api/v1/properties/{PropertyId}/chats/{chatId}";
        var ticket = $"/api/v1/properties/{PropertyId}/tickets/{ticketId}";

        var requests = new List<(HttpMethod Method, string Path, string? Body)>();
        foreach (var s in Strings)
        {
            var q = Quote(s);
            requests.Add((HttpMethod.Post, $"{chat}/messages", $"{{\"commandId\":{q},\"text\":{q}}}"));
            requests.Add((HttpMethod.Post, $"{chat}/whispers", $"{{\"commandId\":\"w-{Guid.NewGuid():N}\",\"text\":{q}}}"));
            requests.Add((HttpMethod.Post, $"{chat}/tags", $"{{\"add\":[{q}],\"remove\":[{q}]}}"));
            requests.Add((HttpMethod.Post, $"{chat}/ticket", $"{{\"visitorEmail\":{q},\"subject\":{q}}}"));
            requests.Add((HttpMethod.Post, $"/api/v1/properties/{PropertyId}/tickets",
                $"{{\"subject\":{q},\"requesterEmail\":{q},\"requesterName\":{q},\"requesterVisitorId\":{q},\"text\":{q}}}"));
            requests.Add((HttpMethod.Post, $"/api/v1/properties/{PropertyId}/tickets",
                $"{{\"subject\":{q},\"requesterEmail\":\"ann@example.com\",\"text\":{q}}}"));
            requests.Add((HttpMethod.Post, $"{ticket}/replies", $"{{\"commandId\":{q},\"text\":{q},\"status\":2}}"));
            requests.Add((HttpMethod.Post, $"{ticket}/assignee", $"{{\"kind\":1,\"assigneeId\":{q}}}"));
            requests.Add((HttpMethod.Get, $"/api/v1/properties/{Uri.EscapeDataString(s)}/chats/{chatId}", null));
            requests.Add((HttpMethod.Post, $"/api/v1/properties/{Uri.EscapeDataString(s)}/tickets/{ticketId}/trash", null));
        }

        string[] badBodies =
        [
            "", "{", "}", "null", "[]", "\"text\"", "42", "{\"status\":\"open\"}", "{\"status\":99}", "{\"status\":-1}", "{\"status\":0}",
            "{\"status\":1e99}", "{\"status\":null}", "{\"priority\":0}", "{\"priority\":6}", "{\"priority\":\"High\"}", "{\"kind\":7,\"assigneeId\":\"a\"}",
            "{\"kind\":0,\"assigneeId\":\"a\"}", "{\"kind\":\"agent\"}", "{\"add\":null,\"remove\":null}", "{\"add\":[null]}", "{\"add\":[1,2]}",
            "{\"add\":" + "[" + string.Join(",", Enumerable.Range(0, 100).Select(i => $"\"t{i}\"")) + "]}",
            "{\"value\":0,\"visitorId\":\"visitor-1\"}", "{\"value\":3,\"visitorId\":\"visitor-1\"}", "{\"ticketId\":\"not-a-guid\"}",
            "{\"ticketId\":\"00000000-0000-0000-0000-000000000000\",\"subject\":\"s\",\"requesterEmail\":\"a@b.co\"}",
            new string('[', 5_000) + new string(']', 5_000), "{\"commandId\":{\"nested\":true},\"text\":[1]}", "\u0000\u0001",
        ];
        string[] bodyTargets =
        [
            $"{ticket}/status", $"{ticket}/priority", $"{ticket}/assignee", $"{ticket}/replies", $"{ticket}/tags", $"{chat}/tags",
            $"{chat}/messages", $"/api/v1/properties/{PropertyId}/tickets",
        ];
        foreach (var body in badBodies)
        {
            foreach (var target in bodyTargets)
            {
                requests.Add((HttpMethod.Post, target, body));
            }
        }

        string[] badIds = ["not-a-guid", "00000000-0000-0000-0000-000000000000", Guid.NewGuid().ToString(), "%2e%2e", "'%20or%20'1'='1", new('f', 3_000)];
        string[] actions = ["", "/messages", "/close", "/trash", "/spam", "/restore", "/purge", "/status", "/priority"];
        foreach (var id in badIds)
        {
            foreach (var action in actions)
            {
                requests.Add((HttpMethod.Get, $"/api/v1/properties/{PropertyId}/chats/{id}{action}", null));
                requests.Add((HttpMethod.Post, $"/api/v1/properties/{PropertyId}/tickets/{id}{action}", "{\"status\":1,\"priority\":1}"));
            }
        }

        // Wrong property, and transitions that are refused.
        requests.Add((HttpMethod.Get, $"/api/v1/properties/another-property/chats/{chatId}", null));
        requests.Add((HttpMethod.Post, $"/api/v1/properties/another-property/tickets/{ticketId}/status", "{\"status\":3}"));
        var closedChat = $"/api/v1/properties/{PropertyId}/chats/{closedChatId}";
        requests.AddRange(
        [
            (HttpMethod.Post, $"{closedChat}/close", null), (HttpMethod.Post, $"{closedChat}/messages", "{\"commandId\":\"x\",\"text\":\"hi\"}"),
            (HttpMethod.Post, $"{closedChat}/restore", null), (HttpMethod.Post, $"{closedChat}/purge", null),
            (HttpMethod.Post, $"{ticket}/status", "{\"status\":3}"), (HttpMethod.Post, $"{ticket}/status", "{\"status\":1}"),
            (HttpMethod.Post, $"{ticket}/status", "{\"status\":2}"), (HttpMethod.Post, $"{ticket}/replies", "{\"commandId\":\"late\",\"text\":\"hi\",\"status\":1}"),
            (HttpMethod.Post, $"{ticket}/trash", null), (HttpMethod.Post, $"{ticket}/purge", null), (HttpMethod.Post, $"{ticket}/restore", null),
            (HttpMethod.Post, $"{ticket}/spam", null), (HttpMethod.Get, ticket, null),
        ]);

        Assert.True(requests.Count >= 200, $"The corpus has only {requests.Count} requests.");
        var failures = new List<string>();
        var (accepted, refused) = (0, 0);
        foreach (var (method, path, body) in requests)
        {
            using var request = new HttpRequestMessage(method, path);
            if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            }

            using var response = await http.SendAsync(request);
            accepted += response.IsSuccessStatusCode ? 1 : 0;
            refused += (int)response.StatusCode is >= 400 and < 500 ? 1 : 0;
            if ((int)response.StatusCode >= 500 || (int)response.StatusCode < 200)
            {
                failures.Add($"{(int)response.StatusCode} {method} {Shorten(path)} {Shorten(body)}: {Shorten(await response.Content.ReadAsStringAsync())}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {requests.Count} requests failed:\n" + string.Join("\n", failures.Take(30)));

        // The corpus must reach the grains, not only the JSON binder: some inputs are fine, most are refused.
        Assert.True(accepted > 20 && refused > 400, $"{accepted} accepted, {refused} refused.");
    }

    private async Task PrepareAsync(Guid chatId, Guid closedChatId, Guid ticketId)
    {
        var client = fixture.Cluster.Client;
        await client.GetGrain<IChatGrain>(chatId).StartAsync(new StartChat(PropertyId, "visitor-1", "Ann"));
        var closed = client.GetGrain<IChatGrain>(closedChatId);
        await closed.StartAsync(new StartChat(PropertyId, "visitor-2", "Bo"));
        await closed.CloseAsync(PropertyId);
        await client.GetGrain<ITicketGrain>(ticketId).CreateAsync(
            new CreateTicket(PropertyId, "Hostile", new TicketRequester(null, "Ann", "ann@example.com"), TicketPriority.Low, null));
    }

    /// <summary>A JSON string literal with everything outside printable ASCII escaped, so lone surrogates reach the server as written.</summary>
    private static string Quote(string value)
    {
        var json = new StringBuilder("\"", value.Length + 2);
        foreach (var c in value)
        {
            if (c is '"' or '\\')
            {
                json.Append('\\').Append(c);
            }
            else if (c is < ' ' or > '~')
            {
                json.Append("\\u").Append(((int)c).ToString("x4"));
            }
            else
            {
                json.Append(c);
            }
        }

        return json.Append('"').ToString();
    }

    private static string Shorten(string? text) => text is null ? "" : text.Length > 120 ? text[..120] + "…" : text;
}

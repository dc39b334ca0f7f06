using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Visitors;
using Conversations.Tests.Infrastructure;
using Microsoft.Playwright;
using static Conversations.Tests.Browser.WidgetSteps;

namespace Conversations.Tests.Browser;

/// <summary>The widget's own messages and its chats over time, in Chromium against a real web node.</summary>
[Collection(WebCollection.Name)]
public sealed class WidgetConversationBrowserTests(WebFixture fixture, BrowserFixture browsers) : IClassFixture<BrowserFixture>
{
    private const char RecordSeparator = '\u001e';

    [Fact, Trait("Spec", "CHAT-1")]
    public async Task CHAT1_the_widget_shows_its_own_message_once_from_the_ack_whichever_comes_first_and_fetches_nothing_again()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        await using var online = await agent.GoOnlineAsync(fixture);
        await using var context = await NewVisitorContextAsync(browsers);
        var page = await context.NewPageAsync();
        var hub = new HeldVisitorHub();
        await page.RouteWebSocketAsync(new Regex("/hubs/visitor"), hub.Connect);

        await OpenWidgetAsync(fixture, page, agent.PropertyId);
        await page.GetByPlaceholder("Your name (optional)").FillAsync("Ann");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start chat" }).ClickAsync();
        await Assertions.Expect(page.GetByPlaceholder("Type a message")).ToBeVisibleAsync();
        var list = page.GetByTestId("visitor-messages");
        var shown = list.Locator("li[data-sequence]");
        Assert.Equal(1, hub.Fetches); // the chat's history, once, when it starts

        // The event is held back: the ack alone shows the message, with the chat's name for the visitor.
        hub.HoldEvents = true;
        await SendAsync(page, "one");
        await Assertions.Expect(shown).ToHaveCountAsync(1);
        await Assertions.Expect(list.Locator("li.pending")).ToHaveCountAsync(0);
        await Assertions.Expect(shown.Nth(0)).ToContainTextAsync("Ann");
        Assert.Equal(1, hub.HeldEvents);
        hub.HoldEvents = false;
        hub.Release();

        // The ack is held back: the event shows the message, and the late ack adds nothing.
        hub.HoldAcks = true;
        await SendAsync(page, "two");
        await Assertions.Expect(shown).ToHaveCountAsync(2);
        await Assertions.Expect(list.Locator("li.pending")).ToHaveCountAsync(0);
        Assert.Equal(1, hub.HeldAcks);
        hub.HoldAcks = false;
        hub.Release();
        await WaitForAsync(() => page.EvaluateAsync<string?>(
            $"() => localStorage.getItem('conversations.{agent.PropertyId}.outbox') === '[]' ? 'acknowledged' : null"));

        await SendAsync(page, "three");
        await Assertions.Expect(shown).ToHaveCountAsync(3);
        var chatId = await ChatIdAsync(page, agent.PropertyId);
        await WaitForAsync(async () => (await agent.Http.GetFromJsonAsync<List<ConversationMessage>>(
            $"/api/v1/properties/{agent.PropertyId}/chats/{chatId}/messages", Json.Options))!.Count == 3 ? "stored" : null);
        await WaitUntilAsync(() => hub.EventsDelivered >= 3 ? "delivered" : null);

        // The agent's reply comes after every event above on the same connection: once it shows, they were all handled.
        (await agent.Http.PostAsJsonAsync($"/api/v1/properties/{agent.PropertyId}/chats/{chatId}/messages", new { commandId = "a4", text = "four" }))
            .EnsureSuccessStatusCode();
        await Assertions.Expect(list).ToContainTextAsync("four");
        var texts = await shown.EvaluateAllAsync<string[]>("items => items.map(i => i.lastChild.textContent)");
        Assert.Equal(["one", "two", "three", "four"], texts);
        Assert.Equal(1, hub.Fetches);
    }

    [Fact, Trait("Spec", "CHAT-2")]
    public async Task CHAT2_a_visitor_whose_chat_was_closed_starts_a_new_chat_from_the_widget_linked_in_their_history()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        await using var online = await agent.GoOnlineAsync(fixture);
        await using var context = await NewVisitorContextAsync(browsers);
        var page = await context.NewPageAsync();
        await OpenWidgetAsync(fixture, page, agent.PropertyId);
        await page.GetByPlaceholder("Your name (optional)").FillAsync("Ben");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start chat" }).ClickAsync();
        await SendAsync(page, "first chat");
        var shown = page.GetByTestId("visitor-messages").Locator("li[data-sequence]");
        await Assertions.Expect(shown).ToHaveCountAsync(1);
        var firstChat = await ChatIdAsync(page, agent.PropertyId);

        (await agent.Http.PostAsync($"/api/v1/properties/{agent.PropertyId}/chats/{firstChat}/close", null)).EnsureSuccessStatusCode();
        var newChat = page.GetByRole(AriaRole.Button, new() { Name = "Start a new chat" });
        await Assertions.Expect(newChat).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("rating-form")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByPlaceholder("Type a message")).ToBeHiddenAsync();
        await BrowserFixture.ScreenshotAsync(page, "widget-chat-closed");

        await newChat.ClickAsync();
        await Assertions.Expect(page.GetByPlaceholder("Type a message")).ToBeFocusedAsync();
        await Assertions.Expect(shown).ToHaveCountAsync(0);
        await SendAsync(page, "second chat");
        await Assertions.Expect(shown).ToHaveCountAsync(1);
        await Assertions.Expect(shown.Nth(0)).ToContainTextAsync("Ben");
        var secondChat = await ChatIdAsync(page, agent.PropertyId);
        Assert.NotEqual(firstChat, secondChat);

        var chat = await agent.Http.GetFromJsonAsync<JsonElement>($"/api/v1/properties/{agent.PropertyId}/chats/{secondChat}");
        Assert.Equal(("Open", "Ben"), (chat.GetProperty("status").GetString(), chat.GetProperty("visitorName").GetString()));
        var messages = (await agent.Http.GetFromJsonAsync<List<ConversationMessage>>(
            $"/api/v1/properties/{agent.PropertyId}/chats/{secondChat}/messages", Json.Options))!;
        Assert.Equal(["second chat"], messages.Select(m => m.Text));
        var visitorId = await VisitorIdAsync(page, agent.PropertyId);
        var history = await WaitForAsync(async () =>
        {
            var links = (await agent.Http.GetFromJsonAsync<List<ConversationLink>>(
                $"/api/v1/properties/{agent.PropertyId}/visitors/{visitorId}/history", Json.Options))!;
            return links.Count == 2 ? links : null;
        });
        Assert.Equal(
            [(firstChat, "Closed"), (secondChat, "Open")],
            history.OrderBy(l => l.ConversationId == secondChat).Select(l => (l.ConversationId, l.Status)));

        // A reload resumes the new chat, not the closed one.
        await page.ReloadAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Open chat" }).ClickAsync();
        await Assertions.Expect(shown).ToHaveCountAsync(1);
        await Assertions.Expect(shown.Nth(0)).ToContainTextAsync("second chat");
        await Assertions.Expect(newChat).ToBeHiddenAsync();
        await BrowserFixture.ScreenshotAsync(page, "widget-new-chat-after-close");
    }

    [Fact, Trait("Spec", "CHAT-1")]
    public async Task CHAT1_an_agents_reply_shows_delivered_then_seen_once_the_visitor_opens_the_widget()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        var (consoleContext, console) = await ConsolePage.OpenAsync(browsers, fixture, agent);
        await using var _ = consoleContext;
        await using var context = await NewVisitorContextAsync(browsers);
        var page = await context.NewPageAsync();
        await OpenWidgetAsync(fixture, page, agent.PropertyId);
        await page.GetByPlaceholder("Your name (optional)").FillAsync("Hal");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start chat" }).ClickAsync();
        await SendAsync(page, "hi");
        await console.GetByTestId("chat-list").GetByRole(AriaRole.Button, new() { Name = "Hal" }).ClickAsync();
        await Assertions.Expect(console.GetByTestId("messages")).ToContainTextAsync("hi");

        await page.GetByRole(AriaRole.Button, new() { Name = "Close chat" }).ClickAsync();
        await console.GetByPlaceholder("Type a reply").FillAsync("Hello Hal");
        await console.Keyboard.PressAsync("Enter");
        var receipt = console.GetByTestId("receipt");
        await Assertions.Expect(receipt).ToHaveTextAsync("✓ Delivered");

        await page.GetByRole(AriaRole.Button, new() { Name = "Open chat" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("visitor-messages")).ToContainTextAsync("Hello Hal");
        await Assertions.Expect(receipt).ToHaveTextAsync("✓✓ Seen");
        await BrowserFixture.ScreenshotAsync(console, "chat-seen-mark");
    }

    [Fact, Trait("Spec", "CHAT-1")]
    public async Task CHAT1_the_widget_shows_seen_on_the_visitors_latest_message_once_an_agent_has_the_chat_open()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        var (consoleContext, console) = await ConsolePage.OpenAsync(browsers, fixture, agent);
        await using var _ = consoleContext;
        await using var context = await NewVisitorContextAsync(browsers);
        var page = await context.NewPageAsync();
        await OpenWidgetAsync(fixture, page, agent.PropertyId);
        await page.GetByPlaceholder("Your name (optional)").FillAsync("Ivy");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start chat" }).ClickAsync();
        await SendAsync(page, "first question");
        var messages = page.GetByTestId("visitor-messages");
        await Assertions.Expect(messages.Locator("li.visitor:not(.pending)")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("seen-mark")).ToHaveCountAsync(0);

        await console.GetByTestId("chat-list").GetByRole(AriaRole.Button, new() { Name = "Ivy" }).ClickAsync();
        await Assertions.Expect(messages.Locator("li.visitor", new() { HasText = "first question" }).GetByTestId("seen-mark")).ToHaveTextAsync("Seen");

        // With the chat open in the console, the next message is seen live and the one mark moves to it.
        await SendAsync(page, "second question");
        await Assertions.Expect(messages.Locator("li.visitor", new() { HasText = "second question" }).GetByTestId("seen-mark")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("seen-mark")).ToHaveCountAsync(1);
        await BrowserFixture.ScreenshotAsync(page, "widget-seen-mark");
    }

    /// <summary>
    /// Sits between the widget and the visitor hub (SignalR's JSON protocol, records ended by 0x1E): counts the widget's
    /// GetMessages calls and can hold back, until released, the server's messagePosted events or SendMessage acks.
    /// </summary>
    private sealed class HeldVisitorHub
    {
        private readonly ConcurrentDictionary<string, bool> _sendInvocations = new();
        private readonly ConcurrentQueue<string> _held = new();
        private IWebSocketRoute? _page;
        private int _fetches;
        private int _heldEvents;
        private int _heldAcks;
        private int _eventsDelivered;

        public volatile bool HoldEvents;
        public volatile bool HoldAcks;

        public int Fetches => Volatile.Read(ref _fetches);

        public int HeldEvents => Volatile.Read(ref _heldEvents);

        public int HeldAcks => Volatile.Read(ref _heldAcks);

        public int EventsDelivered => Volatile.Read(ref _eventsDelivered);

        public void Connect(IWebSocketRoute page)
        {
            _page = page;
            var server = page.ConnectToServer();
            page.OnMessage(frame =>
            {
                foreach (var record in Records(frame.Text))
                {
                    using var json = JsonDocument.Parse(record);
                    var target = json.RootElement.TryGetProperty("target", out var t) ? t.GetString() : null;
                    if (target == "GetMessages")
                    {
                        Interlocked.Increment(ref _fetches);
                    }
                    else if (target == "SendMessage")
                    {
                        _sendInvocations[json.RootElement.GetProperty("invocationId").GetString()!] = true;
                    }
                }

                server.Send(frame.Text ?? "");
            });
            server.OnMessage(frame =>
            {
                foreach (var record in Records(frame.Text))
                {
                    if (IsEvent(record))
                    {
                        Interlocked.Increment(ref _eventsDelivered);
                    }

                    if (HoldEvents && IsEvent(record))
                    {
                        Interlocked.Increment(ref _heldEvents);
                        _held.Enqueue(record);
                    }
                    else if (HoldAcks && IsAck(record))
                    {
                        Interlocked.Increment(ref _heldAcks);
                        _held.Enqueue(record);
                    }
                    else
                    {
                        page.Send(record + RecordSeparator);
                    }
                }
            });
        }

        public void Release()
        {
            while (_held.TryDequeue(out var record))
            {
                _page!.Send(record + RecordSeparator);
            }
        }

        private static IEnumerable<string> Records(string? text) =>
            (text ?? "").Split(RecordSeparator, StringSplitOptions.RemoveEmptyEntries);

        private static bool IsEvent(string record) => record.Contains("\"type\":\"messagePosted\"", StringComparison.Ordinal);

        private bool IsAck(string record)
        {
            using var json = JsonDocument.Parse(record);
            return json.RootElement.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.Number && type.GetInt32() == 3 &&
                json.RootElement.TryGetProperty("invocationId", out var id) && _sendInvocations.ContainsKey(id.GetString()!);
        }
    }
}

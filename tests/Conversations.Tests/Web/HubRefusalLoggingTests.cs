using Conversations.Tests.Infrastructure;
using Conversations.Web.Errors;
using Conversations.Web.Realtime;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging;

namespace Conversations.Tests.Web;

/// <summary>A refused hub call is an expected answer, not a server fault: one warning line, no stack .</summary>
[Collection(WebCollection.Name)]
public sealed class HubRefusalLoggingTests(WebFixture fixture)
{
    [Fact, Trait("Spec", "X-1"), Trait("Spec", "X-3")]
    public async Task X1_refused_hub_calls_are_logged_as_one_warning_without_a_stack_trace()
    {
        var logs = new CapturedLogs(LogLevel.Warning);
        await using var web = ConversationsWebFactory.Start(fixture.Cluster.Settings, new()
        {
            ["Conversations:TrustForwardedFor"] = "true",
            ["Conversations:RateLimits:MessagesPerMinutePerVisitor"] = "1",
        }, logs);
        using var agent = await SignedInAgent.CreateAsync(fixture.Cluster.Client, web);
        await using var agentHub = await agent.ConnectHubAsync(AgentHub.Path);
        await using var visitor = await TestVisitor.ConnectAsync(web.BaseAddress, agent.PropertyId);
        var chatId = Guid.NewGuid();
        await visitor.StartChatAsync(chatId, "Ann");
        await visitor.SendAsync(chatId, "m-1", "hello");

        var refusals = new (string Method, Func<Task> Call)[]
        {
            ("UpdateContact", () => visitor.Hub.InvokeAsync("UpdateContact", agent.PropertyId, visitor.Session.VisitorToken, "Ann", "not-an-email")),
            ("SendMessage", () => visitor.SendAsync(chatId, "m-2", "over the limit")),
            ("GetMessages", () => visitor.Hub.InvokeAsync<object>("GetMessages", agent.PropertyId, "forged-token", chatId, 0L)),
            ("JoinProperty", () => agentHub.InvokeAsync("JoinProperty", "someone-elses-property")),
        };
        foreach (var (_, call) in refusals)
        {
            await Assert.ThrowsAsync<HubException>(call);
        }

        var dispatcher = logs.Entries.Where(e => e.Category == HubRefusalLoggerFactory.DispatcherCategory).ToList();
        Assert.DoesNotContain(dispatcher, e => e.Level >= LogLevel.Error);
        Assert.All(dispatcher, e => Assert.Null(e.Exception));
        foreach (var (method, _) in refusals)
        {
            var line = Assert.Single(dispatcher, e => e.Message.StartsWith($"Hub method '{method}' refused: ", StringComparison.Ordinal));
            Assert.Equal(LogLevel.Warning, line.Level);
        }

        Assert.Contains(dispatcher, e => e.Message.Contains("RateLimited", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);
    }

    [Fact, Trait("Spec", "X-1")]
    public void X1_a_hub_method_failing_for_another_reason_still_logs_an_error_with_its_stack()
    {
        var logs = new CapturedLogs(LogLevel.Warning);
        using var factory = new HubRefusalLoggerFactory(LoggerFactory.Create(b => b.AddProvider(logs)));
        var dispatcher = factory.CreateLogger(HubRefusalLoggerFactory.DispatcherCategory);
        var other = factory.CreateLogger("Conversations.Anything");
        var failure = new InvalidOperationException("a bug");

        dispatcher.LogError(new EventId(8, "FailedInvokingHubMethod"), failure, "Failed to invoke hub method '{HubMethod}'.", "SendMessage");
        dispatcher.LogError(new EventId(8, "FailedInvokingHubMethod"), new HubException("Invalid: no"), "Failed to invoke hub method '{HubMethod}'.", "SendMessage");
        other.LogError(new HubException("elsewhere"), "Not the dispatcher.");

        Assert.Collection(logs.Entries,
            bug => Assert.Equal((LogLevel.Error, failure), (bug.Level, bug.Exception)),
            refusal => Assert.Equal((LogLevel.Warning, null, "Hub method 'SendMessage' refused: Invalid: no"), (refusal.Level, refusal.Exception, refusal.Message)),
            elsewhere => Assert.Equal(LogLevel.Error, elsewhere.Level));
    }
}

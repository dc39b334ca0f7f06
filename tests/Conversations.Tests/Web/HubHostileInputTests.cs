using Conversations.Tests.Infrastructure;
using Conversations.Web.Realtime;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Conversations.Tests.Web;

/// <summary>
/// X-1 on the hubs: every hostile string through every visitor and agent hub method ends in a
/// success or a HubException that says what was wrong — never SignalR's generic "unexpected error",
/// which is what an unhandled server exception becomes.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class HubHostileInputTests(WebFixture fixture)
{
    [Fact, Trait("Spec", "X-1"), Trait("Spec", "X-3")]
    public async Task X1_hostile_input_through_the_hubs_never_causes_a_server_error()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        await using var visitor = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, agent.PropertyId);
        await using var agentHub = await agent.ConnectHubAsync(AgentHub.Path);
        var chatId = Guid.NewGuid();
        await visitor.StartChatAsync(chatId, "Hostile");
        var token = visitor.Session.VisitorToken;
        var property = agent.PropertyId;

        var calls = new List<(string What, Func<Task> Call)>();
        // SignalR itself closes a connection that sends a frame over 32 KB; those inputs are for the REST corpus.
        foreach (var s in HostileInputTests.Strings.Where(s => s.Length <= 5_000))
        {
            var shown = s.Length > 40 ? s[..40] + "…" : s;
            calls.Add(("visitor SendMessage", () => visitor.Hub.InvokeAsync<object>("SendMessage", property, token, chatId, Guid.NewGuid().ToString(), s)));
            calls.Add(("visitor SendMessage id", () => visitor.Hub.InvokeAsync<object>("SendMessage", property, token, chatId, s, "hello")));
            calls.Add(("visitor StartChat name", () => visitor.Hub.InvokeAsync<object>("StartChat", property, token, Guid.NewGuid(), s)));
            calls.Add(($"visitor StartChat property {shown}", () => visitor.Hub.InvokeAsync<object>("StartChat", s, token, Guid.NewGuid(), "x")));
            calls.Add(($"visitor token {shown}", () => visitor.Hub.InvokeAsync<object>("GetMessages", property, s, chatId, 0L)));
            calls.Add(("visitor UpdateContact", () => visitor.Hub.InvokeAsync("UpdateContact", property, token, s, s)));
            calls.Add(("visitor TrackPageView", () => visitor.Hub.InvokeAsync("TrackPageView", property, token, s, s)));
            calls.Add(("agent SendMessage", () => agentHub.InvokeAsync<object>("SendMessage", property, chatId, Guid.NewGuid().ToString(), s)));
            calls.Add(($"agent JoinProperty {shown}", () => agentHub.InvokeAsync("JoinProperty", s)));
        }

        Assert.True(calls.Count >= 200, $"Only {calls.Count} hub calls.");
        var failures = new List<string>();
        foreach (var (what, call) in calls)
        {
            try
            {
                await call();
            }
            catch (HubException ex) when (ex.Message.Contains("HubException: ", StringComparison.Ordinal))
            {
                // A clear refusal: the server threw a HubException with a reason (the client prefixes SignalR's generic line).
            }
            catch (Exception ex)
            {
                failures.Add($"{what}: {ex.GetType().Name}: {ex.Message}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {calls.Count} hub calls failed unclearly:\n" + string.Join("\n", failures.Take(20)));
    }
}

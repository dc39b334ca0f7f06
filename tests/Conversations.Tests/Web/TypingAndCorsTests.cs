using System.Net;
using System.Net.Http.Json;
using Conversations.Grains.Interfaces.Common;
using Conversations.Tests.Infrastructure;
using Conversations.Web.Realtime;
using Microsoft.AspNetCore.SignalR.Client;

namespace Conversations.Tests.Web;

[Collection(WebCollection.Name)]
public sealed class TypingAndCorsTests(WebFixture fixture)
{
    [Fact, Trait("Spec", "CHAT-1")]
    public async Task CHAT1_typing_reaches_the_agents_and_the_visitor_but_only_for_ones_own_chat()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        await using var agentHub = await agent.ConnectHubAsync(AgentHub.Path);
        var agentSaw = new TaskCompletionSource<TypingNotice>(TaskCreationOptions.RunContinuationsAsynchronously);
        agentHub.On<TypingNotice>(TypingNotifier.Method, n => agentSaw.TrySetResult(n));
        await agentHub.InvokeAsync("JoinProperty", agent.PropertyId);
        await using var visitor = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, agent.PropertyId);
        var visitorSaw = new TaskCompletionSource<TypingNotice>(TaskCreationOptions.RunContinuationsAsynchronously);
        visitor.Hub.On<TypingNotice>(TypingNotifier.Method, n => visitorSaw.TrySetResult(n));
        var chatId = Guid.NewGuid();
        await visitor.StartChatAsync(chatId, "Ann");

        await visitor.Hub.InvokeAsync("Typing", agent.PropertyId, visitor.Session.VisitorToken, chatId, true);
        var fromVisitor = await agentSaw.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal((chatId, AuthorKind.Visitor, true), (fromVisitor.ConversationId, fromVisitor.AuthorKind, fromVisitor.IsTyping));

        var response = await agent.Http.PostAsJsonAsync($"/api/v1/properties/{agent.PropertyId}/chats/{chatId}/typing", new { isTyping = true });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var fromAgent = await visitorSaw.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal((chatId, AuthorKind.Agent), (fromAgent.ConversationId, fromAgent.AuthorKind));

        await using var stranger = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, agent.PropertyId);
        var refused = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() =>
            stranger.Hub.InvokeAsync("Typing", agent.PropertyId, stranger.Session.VisitorToken, chatId, true));
        Assert.Contains("NotFound", refused.Message);
        var notSeenByStrangers = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() =>
            stranger.Hub.InvokeAsync("MarkSeen", agent.PropertyId, stranger.Session.VisitorToken, chatId, 1L));
        Assert.Contains("NotFound", notSeenByStrangers.Message);
        var unknownChat = await agent.Http.PostAsJsonAsync($"/api/v1/properties/{agent.PropertyId}/chats/{Guid.NewGuid()}/typing", new { isTyping = true });
        Assert.Equal(HttpStatusCode.NotFound, unknownChat.StatusCode);
    }

    [Fact, Trait("Spec", "CHAT-1")]
    public async Task CHAT1_a_customer_site_may_call_the_widget_endpoints_cross_origin_without_cookies()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        using var http = new HttpClient { BaseAddress = fixture.Web.BaseAddress };
        foreach (var path in new[] { "/api/v1/widget/sessions", VisitorHub.Path + "/negotiate" })
        {
            using var preflight = new HttpRequestMessage(HttpMethod.Options, path);
            preflight.Headers.Add("Origin", "https://shop.example");
            preflight.Headers.Add("Access-Control-Request-Method", "POST");
            preflight.Headers.Add("Access-Control-Request-Headers", "content-type");
            var response = await http.SendAsync(preflight);
            Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
            Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
        }

        using var agentApi = new HttpRequestMessage(HttpMethod.Options, $"/api/v1/properties/{agent.PropertyId}/bans");
        agentApi.Headers.Add("Origin", "https://shop.example");
        agentApi.Headers.Add("Access-Control-Request-Method", "POST");
        Assert.False((await http.SendAsync(agentApi)).Headers.Contains("Access-Control-Allow-Origin"));
    }
}

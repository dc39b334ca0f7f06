using System.Net;
using System.Net.Http.Json;
using System.Text;
using Conversations.Tests.Infrastructure;

namespace Conversations.Tests.Web;

[Collection(WebCollection.Name)]
public sealed class HardeningTests(WebFixture fixture)
{
    [Fact, Trait("Spec", "ADM-4")]
    public async Task ADM4_a_cross_site_agent_hub_handshake_or_unsafe_api_call_is_refused()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);

        using var handshake = new HttpRequestMessage(HttpMethod.Post, "/hubs/agent/negotiate?negotiateVersion=1");
        handshake.Headers.Add("Origin", "https://evil.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Http.SendAsync(handshake)).StatusCode);

        using var rename = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/properties/{agent.PropertyId}/name")
        {
            Content = JsonContent.Create(new { name = "Pwned" }),
        };
        rename.Headers.Add("Origin", "https://evil.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Http.SendAsync(rename)).StatusCode);

        using var sameSite = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/properties/{agent.PropertyId}/name")
        {
            Content = JsonContent.Create(new { name = "Renamed here" }),
        };
        sameSite.Headers.Add("Origin", fixture.Web.BaseAddress.GetLeftPart(UriPartial.Authority));
        Assert.Equal(HttpStatusCode.OK, (await agent.Http.SendAsync(sameSite)).StatusCode);
    }

    [Fact, Trait("Spec", "CHAT-1")]
    public async Task CHAT1_the_widget_may_open_a_session_from_a_customer_site()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        using var http = new HttpClient { BaseAddress = fixture.Web.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/widget/sessions")
        {
            Content = JsonContent.Create(new { propertyId = agent.PropertyId }),
        };
        request.Headers.Add("Origin", "https://customer-site.example");

        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(request)).StatusCode);
    }

    [Fact, Trait("Spec", "X-1")]
    public async Task X1_an_oversized_or_malformed_body_gets_a_4xx()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        var url = $"/api/v1/properties/{agent.PropertyId}/chats/{Guid.NewGuid()}/messages";

        var huge = new StringContent("{\"commandId\":\"c\",\"text\":\"" + new string('x', 2 * 1024 * 1024) + "\"}", Encoding.UTF8, "application/json");
        // Expect: 100-continue, so the server's 413 comes before the body is sent (no broken pipe mid-upload).
        using var oversized = new HttpRequestMessage(HttpMethod.Post, url) { Content = huge };
        oversized.Headers.ExpectContinue = true;
        var tooLarge = await agent.Http.SendAsync(oversized);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);

        var malformed = await agent.Http.PostAsync(url, new StringContent("{not json", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);

        var form = await agent.Http.PostAsync(url, new FormUrlEncodedContent([new("text", "hi")]));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
    }
}

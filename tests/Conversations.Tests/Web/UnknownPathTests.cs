using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Tests.Infrastructure;

namespace Conversations.Tests.Web;

/// <summary>Only the console's own paths fall back to its page; a path under /api or /hubs that nothing answers is a 404.</summary>
[Collection(WebCollection.Name)]
public sealed class UnknownPathTests(WebFixture fixture)
{
    [Fact, Trait("Spec", "X-2"), Trait("Spec", "X-1")]
    public async Task X2_an_unknown_api_or_hub_path_answers_404_problem_details_signed_in_or_not()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        using var anonymous = new HttpClient { BaseAddress = fixture.Web.BaseAddress };
        var property = $"/api/v1/properties/{agent.PropertyId}";
        (HttpMethod Method, string Path)[] unknown =
        [
            (HttpMethod.Get, "/api/v1/nonexistent"),
            (HttpMethod.Get, "/api"),
            (HttpMethod.Get, "/api/"),
            (HttpMethod.Get, "/api/v2/properties"),
            (HttpMethod.Post, "/api/v1/nonexistent"),
            (HttpMethod.Delete, "/api/v1/auth/nonexistent"),
            (HttpMethod.Get, $"{property}/nonexistent"),
            (HttpMethod.Get, $"{property}/chats/not-a-guid"),
            (HttpMethod.Put, $"{property}/tickets/{Guid.NewGuid()}/nonexistent"),
            (HttpMethod.Get, "/api/v1/properties/x/agents/y/z/index.html"),
            (HttpMethod.Get, "/hubs/nonexistent"),
            (HttpMethod.Get, "/hubs/agent/nonexistent"),
            (HttpMethod.Post, "/hubs/visitor/nonexistent"),
        ];

        foreach (var http in new[] { anonymous, agent.Http })
        {
            foreach (var (method, path) in unknown)
            {
                using var request = new HttpRequestMessage(method, path);
                var response = await http.SendAsync(request);
                var what = $"{method} {path} ({(http == anonymous ? "anonymous" : "signed in")})";
                Assert.True(HttpStatusCode.NotFound == response.StatusCode, $"{what} answered {(int)response.StatusCode}.");
                Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{what} answered {response.Content.Headers.ContentType}.");
                Assert.Equal(404, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
            }
        }

        // The console itself, the API and the hubs still answer where they are, and a known path keeps its 405.
        foreach (var console in new[] { "/", "/inbox/somewhere" })
        {
            var page = await anonymous.GetAsync(console);
            Assert.Equal(("text/html", HttpStatusCode.OK), (page.Content.Headers.ContentType?.MediaType, page.StatusCode));
        }

        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await agent.Http.DeleteAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/v1/openapi.json")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await agent.Http.GetAsync(property)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await agent.Http.PostAsync("/hubs/agent/negotiate?negotiateVersion=1", null)).StatusCode);
    }
}

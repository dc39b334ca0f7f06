using System.Net;
using System.Reflection;
using System.Text;
using Conversations.Tests.Infrastructure;
using Conversations.Web.Realtime;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Tests.Web;

/// <summary>
/// ADM-4 by enumeration: every REST endpoint and every agent hub method, called by an agent of
/// property A on property B, answers "not found". An endpoint added later is covered automatically,
/// and one outside the property routes fails here until it is listed with its reason.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class CrossPropertyMatrixTests(WebFixture fixture)
{
    /// <summary>Routes that are not under a property, each with why that is safe.</summary>
    private static readonly Dictionary<string, string> NotPropertyScoped = new()
    {
        ["/api/v1/auth/sign-in"] = "anonymous by design",
        ["/api/v1/auth/sign-out"] = "ends the caller's own session",
        ["/api/v1/me"] = "the caller's own profile",
        ["/api/v1/me/tokens/"] = "the caller's own API tokens",
        ["/api/v1/me/tokens/{tokenId:guid}"] = "the caller's own API tokens",
        ["/api/v1/me/notifications/"] = "the caller's own notification choices",
        ["/api/v1/properties"] = "creates a new property owned by the caller",
        ["/api/v1/widget/sessions"] = "visitor-facing: anonymous, rate-limited, issues a token bound to one property",
        ["/api/v1/widget/offline-messages"] = "visitor-facing: needs the property's signed visitor token, rate-limited",
        ["/api/v1/widget/chats/{chatId:guid}/attachments/"] = "visitor-facing: the signed visitor token, own chat only (AttachmentUploadTests: 404 for another visitor, 403 forged), rate-limited",
        ["/api/v1/widget/chats/{chatId:guid}/attachments/{attachmentId}"] = "visitor-facing: the signed visitor token, own chat only (AttachmentUploadTests)",
        ["/api/{documentName}/openapi.json"] = "the public API description",
        ["/health"] = "liveness, no data",
        ["{*path:nonfile}"] = "the console's static shell",
    };

    /// <summary>Hub methods that act on the caller only, each with why that is safe.</summary>
    private static readonly Dictionary<string, string> CallerScopedHubMethods = new()
    {
        ["SetPresence"] = "changes the caller's own presence",
        ["StopWatching"] = "ends the caller's own connection's watch (COL-1)",
    };

    [Fact, Trait("Spec", "ADM-4")]
    public async Task ADM4_every_rest_endpoint_of_another_property_answers_404()
    {
        using var agentOfA = await SignedInAgent.CreateAsync(fixture);
        using var ownerOfB = await SignedInAgent.CreateAsync(fixture);
        var endpoints = fixture.Web.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var checkedCount = 0;

        foreach (var endpoint in endpoints)
        {
            var pattern = endpoint.RoutePattern.RawText ?? "";
            if (pattern.StartsWith("/hubs/", StringComparison.Ordinal))
            {
                continue;
            }

            if (!pattern.Contains("{propertyId}", StringComparison.Ordinal))
            {
                Assert.True(NotPropertyScoped.ContainsKey(pattern), $"Endpoint '{pattern}' is outside the property routes and has no access test.");
                continue;
            }

            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                var url = Fill(pattern, ownerOfB.PropertyId);
                using var request = new HttpRequestMessage(new HttpMethod(method), url);
                if (method is "POST" or "PUT" or "PATCH")
                {
                    request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                }

                var response = await agentOfA.Http.SendAsync(request);
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {url} answered {(int)response.StatusCode}, expected 404.");
                checkedCount++;
            }
        }

        Assert.True(checkedCount >= 8, $"Only {checkedCount} property endpoints were found.");
    }

    [Fact, Trait("Spec", "ADM-4")]
    public async Task ADM4_every_agent_hub_method_on_another_property_is_refused_as_not_found()
    {
        using var agentOfA = await SignedInAgent.CreateAsync(fixture);
        using var ownerOfB = await SignedInAgent.CreateAsync(fixture);
        await using var hub = await agentOfA.ConnectHubAsync(AgentHub.Path);
        var methods = typeof(AgentHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.Name != nameof(Hub.OnDisconnectedAsync) && m.Name != nameof(Hub.OnConnectedAsync))
            .Where(m => !CallerScopedHubMethods.ContainsKey(m.Name))
            .ToList();

        foreach (var method in methods)
        {
            Assert.True(method.GetParameters().FirstOrDefault()?.Name == "propertyId", $"AgentHub.{method.Name} does not take the property first; give it an access rule and a test.");
            var args = method.GetParameters().Select(p => ArgumentFor(p, ownerOfB.PropertyId)).ToArray();
            var error = await Assert.ThrowsAsync<HubException>(() => hub.InvokeCoreAsync<object>(method.Name, args));
            Assert.Contains("NotFound", error.Message);
        }

        Assert.NotEmpty(methods);
    }

    private static string Fill(string pattern, string propertyId)
    {
        var url = pattern.Replace("{propertyId}", propertyId, StringComparison.Ordinal);
        while (url.IndexOf('{') is var start and >= 0)
        {
            var end = url.IndexOf('}', start);
            url = url[..start] + Guid.NewGuid() + url[(end + 1)..];
        }

        return url;
    }

    private static object? ArgumentFor(ParameterInfo parameter, string propertyId) => parameter.ParameterType switch
    {
        _ when parameter.Name == "propertyId" => propertyId,
        var t when t == typeof(string) => "x",
        var t when t == typeof(Guid) => Guid.NewGuid(),
        var t when t.IsValueType => Activator.CreateInstance(t),
        _ => null,
    };
}

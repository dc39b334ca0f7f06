using System.Text.Encodings.Web;
using Conversations.Grains.Interfaces.Agents;
using Conversations.Grains.Interfaces.Common;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Conversations.Web.Access;

/// <summary>Authenticates <c>Authorization: Bearer cvt_…</c> with a personal API token (REST only; never in URLs).</summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IClusterClient cluster)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer " + ApiTokenHash.Prefix, StringComparison.Ordinal))
        {
            return AuthenticateResult.NoResult();
        }

        var secret = header["Bearer ".Length..].Trim();
        if (secret.Length > 100 || await cluster.GetGrain<IApiTokenGrain>(ApiTokenHash.Of(secret)).ResolveAsync() is not { } agentId)
        {
            return AuthenticateResult.Fail("The API token is unknown or revoked.");
        }

        try
        {
            var agent = await cluster.GetGrain<IAgentGrain>(agentId).GetAsync();
            return AuthenticateResult.Success(new AuthenticationTicket(AgentClaims.Create(agent.Id, agent.Email, agent.Name, SchemeName), SchemeName));
        }
        catch (DomainException)
        {
            return AuthenticateResult.Fail("The API token's agent no longer exists.");
        }
    }

    // Both schemes answer a challenge; the cookie scheme writes the ProblemDetails body.
    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        Response.HasStarted ? Task.CompletedTask : base.HandleChallengeAsync(properties);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Response.HasStarted ? Task.CompletedTask : base.HandleForbiddenAsync(properties);
}

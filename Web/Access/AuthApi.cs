using System.Globalization;
using Conversations.Grains.Interfaces.Agents;
using Conversations.Grains.Interfaces.Common;
using Conversations.Web.Validation;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.Web.Access;

public static class AuthApi
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder endpoints)
    {
        var auth = endpoints.MapGroup("/api/v1/auth").WithTags("Sign-in").CheckKeys();
        auth.MapPost("/sign-in", SignInAsync).WithName("SignIn").AllowAnonymous()
            .WithSummary("Signs in with email and password and sets the session cookie. 5 wrong passwords lock the address for 5 minutes, whether or not it has an account.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        auth.MapPost("/sign-out", (Delegate)SignOutAsync).WithName("SignOut").AllowAnonymous().WithSummary("Ends the session.");

        endpoints.MapGet("/api/v1/me", GetMeAsync).WithTags("Sign-in").WithName("GetMe").RequireAuthorization().CheckKeys()
            .WithSummary("The signed-in agent with the properties they belong to.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        var tokens = endpoints.MapGroup("/api/v1/me/tokens").WithTags("Sign-in").RequireAuthorization().CheckKeys()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        tokens.MapGet("", GetTokensAsync).WithName("ListApiTokens").WithSummary("The caller's personal API tokens (names and dates, never secrets).");
        tokens.MapPost("", CreateTokenAsync).WithName("CreateApiToken")
            .WithSummary("Creates a personal API token for 'Authorization: Bearer'; the secret is returned this once.");
        tokens.MapDelete("/{tokenId:guid}", RevokeTokenAsync).WithName("RevokeApiToken").WithSummary("Revokes one of the caller's tokens.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        var notifications = endpoints.MapGroup("/api/v1/me/notifications").WithTags("Sign-in").RequireAuthorization().CheckKeys()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        notifications.MapGet("", GetNotificationsAsync).WithName("GetNotificationPreferences")
            .WithSummary("The caller's sound and desktop notification choices, kept on the agent so every browser uses them.");
        notifications.MapPut("", SetNotificationsAsync).WithName("SetNotificationPreferences")
            .WithSummary("Stores the caller's sound and desktop notification choices.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return endpoints;
    }

    private static async Task<Ok<IReadOnlyList<ApiTokenInfo>>> GetTokensAsync(HttpContext http, IClusterClient cluster) =>
        TypedResults.Ok(await Me(http, cluster).GetApiTokensAsync());

    private static async Task<Ok<NewApiToken>> CreateTokenAsync(CreateApiTokenRequest request, HttpContext http, IClusterClient cluster) =>
        TypedResults.Ok(await Me(http, cluster).CreateApiTokenAsync(request.Name));

    private static async Task<NoContent> RevokeTokenAsync(Guid tokenId, HttpContext http, IClusterClient cluster)
    {
        await Me(http, cluster).RevokeApiTokenAsync(tokenId);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<NotificationPreferences>> GetNotificationsAsync(HttpContext http, IClusterClient cluster) =>
        TypedResults.Ok(await Me(http, cluster).GetNotificationPreferencesAsync());

    private static async Task<Ok<NotificationPreferences>> SetNotificationsAsync(NotificationPreferences preferences, HttpContext http, IClusterClient cluster) =>
        TypedResults.Ok(await Me(http, cluster).SetNotificationPreferencesAsync(preferences));

    private static IAgentGrain Me(HttpContext http, IClusterClient cluster) => cluster.GetGrain<IAgentGrain>(http.User.AgentId()!.Value);

    private static async Task<Results<Ok<AgentView>, ProblemHttpResult>> SignInAsync(
        SignInRequest request, HttpContext http, IClusterClient cluster)
    {
        string email;
        try
        {
            email = EmailAddress.NormalizeKey(request.Email);
        }
        catch (DomainException)
        {
            return WrongCredentials();
        }

        var outcome = await cluster.GetGrain<IAgentLoginGrain>(email).SignInAsync(request.Password ?? "");
        if (outcome.LockedOutUntil is { } until)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling((until - DateTimeOffset.UtcNow).TotalSeconds));
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem(
                $"Too many failed sign-ins. Try again in {Math.Ceiling(seconds / 60.0)} minute(s).",
                statusCode: StatusCodes.Status429TooManyRequests, title: "Locked out");
        }

        if (outcome.AgentId is not { } agentId)
        {
            return WrongCredentials();
        }

        var agent = await cluster.GetGrain<IAgentGrain>(agentId).GetAsync();
        var principal = AgentClaims.Create(agent.Id, agent.Email, agent.Name, CookieAuthenticationDefaults.AuthenticationScheme);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        return TypedResults.Ok(agent);
    }

    private static async Task<NoContent> SignOutAsync(HttpContext http)
    {
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<AgentView>> GetMeAsync(HttpContext http, IClusterClient cluster) =>
        TypedResults.Ok(await Me(http, cluster).GetAsync());

    private static ProblemHttpResult WrongCredentials() =>
        TypedResults.Problem("The email or password is wrong.", statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed");
}

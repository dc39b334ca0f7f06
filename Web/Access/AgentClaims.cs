using System.Security.Claims;

namespace Conversations.Web.Access;

/// <summary>What the sign-in cookie says about the agent.</summary>
public static class AgentClaims
{
    public static ClaimsPrincipal Create(Guid agentId, string email, string name, string scheme) =>
        new(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, agentId.ToString()),
                new Claim(ClaimTypes.Email, email),
                new Claim(ClaimTypes.Name, name),
            ],
            scheme));

    public static Guid? AgentId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static string AgentName(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Name) ?? "Agent";
}

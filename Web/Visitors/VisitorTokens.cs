using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Properties;

namespace Conversations.Web.Visitors;

/// <summary>
/// Issues and checks the signed visitor tokens of a property ("v1.{visitorId}.{signature}"), and
/// checks a site's HMAC of its own user ids. Keys come from the property grain and are cached.
/// </summary>
public sealed class VisitorTokens(IClusterClient cluster)
{
    private readonly ConcurrentDictionary<string, PropertySecrets> _secrets = new(StringComparer.Ordinal);

    public async Task<string> IssueAsync(string propertyId, string visitorId)
    {
        var secrets = await SecretsAsync(propertyId);
        return $"v1.{visitorId}.{Sign(secrets.VisitorSigningKey, propertyId + "|" + visitorId)}";
    }

    /// <summary>The visitor id the token was issued for; refuses a token of another property, forged or malformed.</summary>
    public async Task<string> VerifyAsync(string propertyId, string? token)
    {
        var parts = token?.Split('.') ?? [];
        if (parts.Length != 3 || parts[0] != "v1" || parts[1].Length is 0 or > 64)
        {
            throw InvalidToken();
        }

        var secrets = await SecretsAsync(propertyId);
        var expected = Sign(secrets.VisitorSigningKey, propertyId + "|" + parts[1]);
        return FixedTimeEquals(expected, parts[2]) ? parts[1] : throw InvalidToken();
    }

    /// <summary>True when <paramref name="hash"/> is the hex HMAC-SHA256 of <paramref name="userId"/> under the property's identity secret.</summary>
    public async Task<bool> IsVerifiedIdentityAsync(string propertyId, string userId, string? hash)
    {
        var secrets = await SecretsAsync(propertyId);
        return hash is not null && FixedTimeEquals(Sign(secrets.IdentitySecret, userId), hash.ToLowerInvariant());
    }

    /// <summary>A stable visitor id for a verified site user, so the same person is one visitor on every device.</summary>
    public async Task<string> VisitorIdForUserAsync(string propertyId, string userId)
    {
        var secrets = await SecretsAsync(propertyId);
        return "u-" + Sign(secrets.VisitorSigningKey, "user|" + userId)[..32];
    }

    public void Forget(string propertyId) => _secrets.TryRemove(propertyId, out _);

    private async Task<PropertySecrets> SecretsAsync(string propertyId)
    {
        if (!PropertyIds.IsValid(propertyId))
        {
            throw DomainException.NotFound("The property");
        }

        if (_secrets.TryGetValue(propertyId, out var cached))
        {
            return cached;
        }

        var secrets = await cluster.GetGrain<IPropertyGrain>(propertyId).GetSecretsAsync();
        return _secrets[propertyId] = secrets;
    }

    public static string Sign(string key, string value) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(value)));

    private static bool FixedTimeEquals(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(actual));

    private static DomainException InvalidToken() =>
        new(DomainErrorCode.Forbidden, "The visitor token is not valid for this property; start a new session.");
}

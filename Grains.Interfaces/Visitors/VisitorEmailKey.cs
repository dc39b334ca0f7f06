using System.Security.Cryptography;
using System.Text;
using Conversations.Grains.Interfaces.Agents;

namespace Conversations.Grains.Interfaces.Visitors;

/// <summary>
/// The key of a property's <see cref="IVisitorEmailGrain"/> for an address: "{propertyId}/{hash}" of the normalised address
/// (trimmed, lower-cased). A hash and not the address itself: any valid address maps to its own key ("a#b" and "a_b" would
/// share a stored row), and no address is spelt out in storage keys.
/// </summary>
public static class VisitorEmailKey
{
    /// <summary>Throws <see cref="Common.DomainException"/> (invalid) for anything that is not one plain address.</summary>
    public static string For(string propertyId, string email) =>
        VisitorKey.For(propertyId, Hash(EmailAddress.Normalize(email)));

    /// <summary>The id of the profile made for the first email from an address nobody holds: the same on every retry.</summary>
    public static string NewVisitorId(string propertyId, string email) =>
        "e-" + Hash(propertyId + "|" + EmailAddress.Normalize(email))[..32];

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}

using System.Net.Mail;
using Conversations.Grains.Interfaces.Common;

namespace Conversations.Grains.Interfaces.Agents;

public static class EmailAddress
{
    public const int MaxLength = 254;

    /// <summary>The address trimmed and lower-cased; refuses anything that is not one plain address.</summary>
    public static string Normalize(string? email)
    {
        var trimmed = email?.Trim().ToLowerInvariant() ?? "";
        if (trimmed.Length is 0 or > MaxLength || trimmed.Any(char.IsControl) || trimmed.Contains(' ')
            || !MailAddress.TryCreate(trimmed, out var parsed) || parsed.Address != trimmed)
        {
            throw DomainException.Invalid("A valid email address is required.");
        }

        return trimmed;
    }

    /// <summary>
    /// <see cref="Normalize"/> for an address that is also a storage key (an agent's sign-in, a property's support
    /// address): it must also pass <see cref="TableKeys"/>, else "a#b@x.test" would share a stored row with "a_b@x.test".
    /// </summary>
    public static string NormalizeKey(string? email)
    {
        var normalized = Normalize(email);
        return TableKeys.IsValid(normalized)
            ? normalized
            : throw DomainException.Invalid("An email address that signs in or receives support mail cannot contain / \\ # or ?.");
    }
}

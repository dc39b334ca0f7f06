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
}

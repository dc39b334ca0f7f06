using System.Net.Mail;
using Conversations.Grains.Interfaces.Common;

namespace Conversations.Grains.Conversations;

/// <summary>The checks ids, names, subjects and email addresses pass before they reach state.</summary>
public static class TextRules
{
    public const int MaxIdLength = 200;
    public const int MaxNameLength = 100;
    public const int MaxEmailLength = 254;

    /// <summary>An id is kept exactly as given: no trimming, no control characters, well-formed Unicode.</summary>
    public static string Id(string? value, string what)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > MaxIdLength || value.Any(char.IsControl) || !IsWellFormed(value))
        {
            throw DomainException.Invalid($"{what} is required and must be at most {MaxIdLength} characters, without control characters.");
        }

        return value;
    }

    /// <summary>Control characters dropped and whitespace trimmed; null when nothing is left.</summary>
    public static string? Optional(string? value, int maxLength, string what)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Length > maxLength * 2 || !IsWellFormed(value))
        {
            throw TooLongOrMalformed(maxLength, what);
        }

        var cleaned = new string(value.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (cleaned.Length > maxLength)
        {
            throw TooLongOrMalformed(maxLength, what);
        }

        return cleaned.Length == 0 ? null : cleaned;
    }

    public static string Required(string? value, int maxLength, string what) =>
        Optional(value, maxLength, what) ?? throw DomainException.Invalid($"{what} is required.");

    public static string Email(string? value)
    {
        var email = value?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            throw DomainException.Invalid("An email address is required.");
        }

        if (email.Length > MaxEmailLength || !IsWellFormed(email) || email.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)) ||
            !MailAddress.TryCreate(email, out var address) || address.Address != email)
        {
            throw DomainException.Invalid("The email address is not valid (expected name@example.com).");
        }

        return email;
    }

    /// <summary>False for text with a lone surrogate, which storage and JSON cannot carry.</summary>
    public static bool IsWellFormed(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static DomainException TooLongOrMalformed(int maxLength, string what) =>
        DomainException.Invalid($"{what} must be at most {maxLength} characters of well-formed text.");
}

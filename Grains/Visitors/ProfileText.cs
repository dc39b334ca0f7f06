using System.Globalization;
using Conversations.Grains.Interfaces.Agents;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Visitors;

namespace Conversations.Grains.Visitors;

/// <summary>Checks and cleans what agents and visitors type into profiles: bounded, no control characters.</summary>
public static class ProfileText
{
    public const int MaxTextLength = 200;
    public const int MaxUrlLength = 2000;
    public const int MaxTags = 20;
    public const int MaxTagLength = 40;

    /// <summary>Null stays null (unchanged), blank becomes "" (clear); otherwise cleaned and bounded.</summary>
    public static string? Optional(string? value, string what, int maxLength = MaxTextLength)
    {
        if (value is null)
        {
            return null;
        }

        var cleaned = new string(value.Where(c => !char.IsControl(c)).ToArray()).Trim();
        return cleaned.Length <= maxLength
            ? cleaned
            : throw DomainException.Invalid($"{what} can be at most {maxLength} characters long.");
    }

    public static string? Email(string? value)
    {
        var cleaned = Optional(value, "An email address", EmailAddress.MaxLength);
        return string.IsNullOrEmpty(cleaned) ? cleaned : EmailAddress.Normalize(cleaned);
    }

    public static string? Phone(string? value)
    {
        var cleaned = Optional(value, "A phone number", 40);
        return string.IsNullOrEmpty(cleaned) || cleaned.All(c => char.IsDigit(c) || " +-().".Contains(c))
            ? cleaned
            : throw DomainException.Invalid("A phone number may hold digits, spaces and + - ( ) . only.");
    }

    /// <summary>An absolute http or https URL, or "" when blank; anything else (javascript:, data:, relative) is refused.</summary>
    public static string? HttpUrl(string? value, string what)
    {
        var cleaned = Optional(value, what, MaxUrlLength);
        if (string.IsNullOrEmpty(cleaned))
        {
            return cleaned;
        }

        return Uri.TryCreate(cleaned, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.AbsoluteUri
            : throw DomainException.Invalid($"{what} must be an http or https address.");
    }

    /// <summary>Tags trimmed, lower-cased, without duplicates, at most <see cref="MaxTags"/> of <see cref="MaxTagLength"/> characters.</summary>
    public static List<string> Tags(IEnumerable<string?> tags)
    {
        var cleaned = tags
            .Select(t => Optional(t, "A tag", MaxTagLength)?.ToLowerInvariant())
            .Where(t => !string.IsNullOrEmpty(t))
            .Select(t => t!)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return cleaned.Count <= MaxTags ? cleaned : throw DomainException.Invalid($"A profile can have at most {MaxTags} tags.");
    }

    /// <summary>The attribute with its value in invariant form, or a refusal saying what is wrong.</summary>
    public static VisitorAttribute Attribute(VisitorAttribute attribute)
    {
        var name = Optional(attribute.Name, "An attribute name", 50);
        if (string.IsNullOrEmpty(name))
        {
            throw DomainException.Invalid("An attribute needs a name of 1-50 characters.");
        }

        if (!Enum.IsDefined(attribute.Type))
        {
            throw DomainException.Invalid("An attribute type is text, number, date or bool.");
        }

        var raw = Optional(attribute.Value, "An attribute value", 500) ?? "";
        var value = attribute.Type switch
        {
            AttributeType.Number when decimal.TryParse(raw, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) =>
                number.ToString(CultureInfo.InvariantCulture),
            AttributeType.Date when DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) =>
                date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            AttributeType.Bool when bool.TryParse(raw, out var flag) => flag ? "true" : "false",
            AttributeType.Text => raw,
            _ => throw DomainException.Invalid($"'{name}' must be a {attribute.Type.ToString().ToLowerInvariant()} value"
                + (attribute.Type == AttributeType.Date ? " (yyyy-MM-dd)." : ".")),
        };
        return new VisitorAttribute(name, attribute.Type, value);
    }
}

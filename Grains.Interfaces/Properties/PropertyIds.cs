using System.Text.RegularExpressions;
using Conversations.Grains.Interfaces.Common;

namespace Conversations.Grains.Interfaces.Properties;

public static partial class PropertyIds
{
    /// <summary>Lower-case letters, digits and dashes, 2–63 characters: safe in URLs, group names and table keys.</summary>
    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    public static void Validate(string id)
    {
        if (!IsValid(id))
        {
            throw DomainException.Invalid("A property id is 2-63 lower-case letters, digits or dashes, starting with a letter or digit.");
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,62}$")]
    private static partial Regex Pattern();
}

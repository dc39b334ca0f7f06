using Conversations.Grains.Interfaces.Common;

namespace Conversations.Grains.Interfaces.Visitors;

/// <summary>Keys of per-property grains ("{propertyId}/{id}"), so a visitor or organization belongs to one property.</summary>
public static class VisitorKey
{
    public static string For(string propertyId, string id, string what = "The visitor")
    {
        if (string.IsNullOrEmpty(propertyId) || propertyId.Length > 100 || propertyId.Contains('/')
            || string.IsNullOrEmpty(id) || id.Length > 100 || id.Contains('/'))
        {
            throw DomainException.NotFound(what);
        }

        return propertyId + "/" + id;
    }

    public static (string PropertyId, string Id) Parse(string key)
    {
        var slash = key.IndexOf('/');
        return (key[..slash], key[(slash + 1)..]);
    }
}

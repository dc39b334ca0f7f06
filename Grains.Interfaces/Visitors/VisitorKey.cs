using Conversations.Grains.Interfaces.Common;

namespace Conversations.Grains.Interfaces.Visitors;

/// <summary>Keys of per-property grains ("{propertyId}/{id}"), so a visitor or organization belongs to one property.</summary>
public static class VisitorKey
{
    public static string For(string propertyId, string id, string what = "The visitor") =>
        IsValid(propertyId, id) ? propertyId + "/" + id : throw DomainException.NotFound(what);

    /// <summary>Whether the ids can make a key (<see cref="For"/> would not refuse them).</summary>
    public static bool IsValid(string? propertyId, string? id) =>
        !string.IsNullOrEmpty(propertyId) && propertyId.Length <= 100 && !propertyId.Contains('/')
        && !string.IsNullOrEmpty(id) && id.Length <= 100 && !id.Contains('/');

    public static (string PropertyId, string Id) Parse(string key)
    {
        var slash = key.IndexOf('/');
        return (key[..slash], key[(slash + 1)..]);
    }
}

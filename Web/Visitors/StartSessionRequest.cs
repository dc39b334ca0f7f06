using Conversations.Web.Validation;

namespace Conversations.Web.Visitors;

/// <summary>
/// Opens (or resumes, with <see cref="VisitorToken"/>) a visitor session on a property. A site that
/// knows its user passes <see cref="UserId"/> and <see cref="UserHash"/> = hex HMAC-SHA256 of the user id
/// under the property's identity secret.
/// </summary>
public sealed record StartSessionRequest(string PropertyId, string? VisitorToken, string? UserId, string? UserHash) : IHasStorageKeys
{
    IEnumerable<StorageKey> IHasStorageKeys.StorageKeys() => [new("propertyId", PropertyId, KeyKind.PropertyId)];
}

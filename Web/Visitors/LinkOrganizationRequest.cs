using Conversations.Web.Validation;

namespace Conversations.Web.Visitors;

/// <summary>The organization to link; null unlinks.</summary>
public sealed record LinkOrganizationRequest(string? OrganizationId) : IHasStorageKeys
{
    IEnumerable<StorageKey> IHasStorageKeys.StorageKeys() => [new("organizationId", OrganizationId, Optional: true)];
}

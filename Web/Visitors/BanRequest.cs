using Conversations.Web.Validation;

namespace Conversations.Web.Visitors;

/// <summary>Bans a visitor; <see cref="Ip"/> also bans an address (for example the profile's last IP).</summary>
public sealed record BanRequest(string? VisitorId, string? Ip, string? Reason) : IHasStorageKeys
{
    IEnumerable<StorageKey> IHasStorageKeys.StorageKeys() => [new("visitorId", VisitorId)];
}

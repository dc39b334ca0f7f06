using Conversations.Web.Validation;

namespace Conversations.Web.Properties;

public sealed record CreatePropertyRequest(string Id, string Name, string? SupportEmail) : IHasStorageKeys
{
    IEnumerable<StorageKey> IHasStorageKeys.StorageKeys() => [new("id", Id, KeyKind.PropertyId)];
}

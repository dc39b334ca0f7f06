using Conversations.Web.Validation;

namespace Conversations.Web.Visitors;

/// <summary>The widget's offline form; <see cref="MessageId"/> is chosen by the widget and becomes the ticket id.</summary>
public sealed record OfflineMessageRequest(string PropertyId, string VisitorToken, Guid MessageId, string? Name, string Email, string Message)
    : IHasStorageKeys
{
    IEnumerable<StorageKey> IHasStorageKeys.StorageKeys() => [new("propertyId", PropertyId, KeyKind.PropertyId)];
}

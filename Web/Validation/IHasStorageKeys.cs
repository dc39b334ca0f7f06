namespace Conversations.Web.Validation;

/// <summary>A request body naming the fields that become storage keys, so they are checked before any grain sees them.</summary>
public interface IHasStorageKeys
{
    IEnumerable<StorageKey> StorageKeys();
}

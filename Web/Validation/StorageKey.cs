namespace Conversations.Web.Validation;

/// <summary>A field of a request that becomes (part of) a storage key; <see cref="Optional"/> ones may be null.</summary>
public readonly record struct StorageKey(string Field, string? Value, KeyKind Kind = KeyKind.Id, bool Optional = false);

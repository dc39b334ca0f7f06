namespace Conversations.Web.Merging;

/// <summary>MRG-1: the messages (by sequence) to move out into a new ticket; <see cref="SplitId"/> is the idempotency key.</summary>
public sealed record SplitRequest(string SplitId, IReadOnlyList<long>? Sequences, string? Subject = null);

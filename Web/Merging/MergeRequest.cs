namespace Conversations.Web.Merging;

/// <summary>MRG-1: the tickets or chats to merge into the ticket of the route; <see cref="MergeId"/> is the idempotency key.</summary>
public sealed record MergeRequest(string MergeId, IReadOnlyList<Guid>? SourceIds);

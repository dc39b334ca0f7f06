namespace Conversations.Grains.Search;

/// <summary>A hit of the index: the message's sequence (0 for the conversation's own fields) and an HTML-safe snippet.</summary>
public sealed record SearchIndexHit(Guid ConversationId, long Sequence, bool IsWhisper, string Snippet, float Score);

namespace Conversations.Grains.Search;

/// <summary>What search keeps of a conversation besides its messages: subject or visitor name, email, tags.</summary>
public sealed record SearchedConversationFields(Guid ConversationId, string Title, string? Email, IReadOnlyList<string> Tags);

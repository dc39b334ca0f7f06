namespace Conversations.Web.KnowledgeBase;

/// <summary>The body that creates a knowledge base or a category.</summary>
public sealed record NameRequest(string Name);

namespace Conversations.Web.KnowledgeBase;

public sealed record IndexRebuilt(int Articles);

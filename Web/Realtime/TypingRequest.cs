namespace Conversations.Web.Realtime;

public sealed record TypingRequest(bool IsTyping);

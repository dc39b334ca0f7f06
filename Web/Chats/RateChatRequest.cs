using Conversations.Grains.Interfaces.Chats;

namespace Conversations.Web.Chats;

public sealed record RateChatRequest(string VisitorId, ChatRatingValue Value, string? Comment);

namespace Conversations.Web.Chats;

public sealed record ConvertChatRequest(string? VisitorEmail, string? Subject);

namespace Conversations.Web.Chats;

public sealed record PostAgentMessageRequest(string CommandId, string Text);

namespace Conversations.Web.Chats;

/// <summary>An agent's chat message; <see cref="AttachmentIds"/> are files uploaded to this chat before (text may then be empty).</summary>
public sealed record PostAgentMessageRequest(string CommandId, string Text, IReadOnlyList<string>? AttachmentIds = null);

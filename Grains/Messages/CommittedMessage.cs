using Conversations.Grains.Interfaces.Common;

namespace Conversations.Grains.Messages;

/// <summary>A stored message with the conversation version its row committed (0 when a state write committed it).</summary>
public sealed record CommittedMessage(ConversationMessage Message, long Version);

namespace Conversations.Grains.Interfaces.Inbox;

public enum ConversationKind
{
    Chat = 1,
    Ticket = 2,
}

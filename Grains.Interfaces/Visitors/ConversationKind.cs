namespace Conversations.Grains.Interfaces.Visitors;

public enum ConversationKind
{
    Chat = 0,
    Ticket = 1,
}

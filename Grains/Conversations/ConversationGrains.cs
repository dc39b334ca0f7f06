using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Inbox;
using Conversations.Grains.Interfaces.Tickets;

namespace Conversations.Grains.Conversations;

/// <summary>The grain of a conversation whose kind is known: a chat or a ticket, through the commands they share.</summary>
public static class ConversationGrains
{
    public static IConversationGrain GetConversation(this IGrainFactory grains, ConversationKind kind, Guid id) =>
        kind == ConversationKind.Chat ? grains.GetGrain<IChatGrain>(id) : grains.GetGrain<ITicketGrain>(id);
}

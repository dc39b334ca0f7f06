using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Tickets;

namespace Conversations.Grains.Interfaces.Chats;

/// <summary>A live chat, keyed by its id. Every read and command names the property it belongs to.</summary>
[Alias("Conversations.IChatGrain")]
public interface IChatGrain : IConversationGrain
{
    /// <summary>
    /// The visitor starts or resumes the chat. The answer is for the visitor: agent-only fields (tags,
    /// ticket link, Trash/Spam) are left empty; agents read <see cref="GetAsync"/>.
    /// </summary>
    [Alias("Start")]
    Task<ChatView> StartAsync(StartChat command);

    [Alias("PostMessage")]
    Task<MessageAck> PostMessageAsync(PostMessage command);

    [Alias("Get")]
    Task<ChatView> GetAsync(string propertyId);

    /// <summary>Closes the chat (CHAT-2). Irreversible; closing a closed chat is harmless.</summary>
    [Alias("Close")]
    Task<ChatView> CloseAsync(string propertyId);

    /// <summary>The chat's visitor rates it (CHAT-8). A later rating by the same visitor replaces the earlier one.</summary>
    [Alias("Rate")]
    Task<ChatView> RateAsync(RateChat command);

    /// <summary>Creates the chat's ticket holding a copy of the transcript (CHAT-3); a second call returns the same ticket.</summary>
    [Alias("ConvertToTicket")]
    Task<TicketView> ConvertToTicketAsync(ConvertChatToTicket command);
}

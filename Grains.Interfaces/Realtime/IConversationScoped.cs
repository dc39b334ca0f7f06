namespace Conversations.Grains.Interfaces.Realtime;

/// <summary>
/// A live notice about one conversation that travels on its property's stream: web nodes pass it to the listeners of that
/// property and to the conversation's own listeners (its visitor), so no stream is kept per conversation.
/// </summary>
public interface IConversationScoped
{
    Guid ConversationId { get; }
}

using Conversations.Grains.Interfaces.Common;

namespace Conversations.Grains.Interfaces.Chats;

/// <summary>A live chat, keyed by its id. Every read and command names the property it belongs to.</summary>
[Alias("Conversations.IChatGrain")]
public interface IChatGrain : IGrainWithGuidKey
{
    [Alias("Start")]
    Task<ChatView> StartAsync(StartChat command);

    [Alias("PostMessage")]
    Task<MessageAck> PostMessageAsync(PostMessage command);

    [Alias("Get")]
    Task<ChatView> GetAsync(string propertyId);

    [Alias("GetMessages")]
    Task<IReadOnlyList<ConversationMessage>> GetMessagesAsync(string propertyId, long afterSequence, int maxCount);
}

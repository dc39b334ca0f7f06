using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Realtime;

namespace Conversations.Web.Realtime;

/// <summary>
/// Typing indicators travel on the cluster's streams (OPS-2), so a listener on any web node gets them: on the property's
/// typing stream for its agents, on the conversation's for its visitor. Not durable: losing one is harmless.
/// </summary>
public sealed class TypingNotifier(IClusterClient cluster)
{
    public const string Method = "typing";

    public Task ToAgentsAsync(string propertyId, TypingChanged typing) =>
        cluster.GetStreamProvider(ConversationsNames.StreamProvider).GetStream<TypingChanged>(StreamTopics.AgentTyping(propertyId)).OnNextAsync(typing);

    public Task ToVisitorAsync(TypingChanged typing) =>
        cluster.GetStreamProvider(ConversationsNames.StreamProvider).GetStream<TypingChanged>(StreamTopics.VisitorTyping(typing.ConversationId)).OnNextAsync(typing);
}

using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Realtime;
using Orleans.Streams;

namespace Conversations.Web.Realtime;

/// <summary>
/// Typing indicators and seen marks travel on the cluster's streams (OPS-2), so a listener on any web node gets them: on the
/// property's streams for its agents and for its visitors (each web node passes a notice to the conversation's visitor). Not
/// durable: losing one is harmless.
/// </summary>
public sealed class TypingNotifier(IClusterClient cluster)
{
    public const string Method = "typing";
    public const string SeenMethod = "seen";

    public Task ToAgentsAsync(string propertyId, TypingChanged typing) =>
        Streams.GetStream<TypingChanged>(StreamTopics.AgentTyping(propertyId)).OnNextAsync(typing);

    public Task SeenToAgentsAsync(string propertyId, VisitorSeen seen) =>
        Streams.GetStream<VisitorSeen>(StreamTopics.AgentSeen(propertyId)).OnNextAsync(seen);

    public Task SeenToVisitorAsync(string propertyId, AgentSeen seen) =>
        Streams.GetStream<AgentSeen>(StreamTopics.VisitorSeen(propertyId)).OnNextAsync(seen);

    public Task ToVisitorAsync(string propertyId, TypingChanged typing) =>
        Streams.GetStream<TypingChanged>(StreamTopics.VisitorTyping(propertyId)).OnNextAsync(typing);

    private IStreamProvider Streams => cluster.GetStreamProvider(ConversationsNames.StreamProvider);
}

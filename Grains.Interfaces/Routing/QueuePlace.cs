using Conversations.Grains.Interfaces.Realtime;

namespace Conversations.Grains.Interfaces.Routing;

/// <summary>
/// A waiting chat's place in its property's queue (RTE-1), 1 for the next to be assigned; 0 once it is no longer waiting. Sent to the
/// chat's visitor whenever it changes; not a change of the conversation (it has no version), so it travels on its property's queue stream for visitors.
/// </summary>
[GenerateSerializer, Immutable, Alias("Conversations.QueuePlace")]
public sealed record QueuePlace(
    [property: Id(0)] Guid ConversationId,
    [property: Id(1)] int Place) : IConversationScoped;

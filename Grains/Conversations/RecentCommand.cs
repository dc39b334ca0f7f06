using Conversations.Grains.Interfaces.Chats;

namespace Conversations.Grains.Conversations;

[GenerateSerializer, Immutable, Alias("Conversations.RecentCommand")]
public sealed record RecentCommand([property: Id(0)] string CommandId, [property: Id(1)] MessageAck Ack);

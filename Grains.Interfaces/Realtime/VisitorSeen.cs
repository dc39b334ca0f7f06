namespace Conversations.Grains.Interfaces.Realtime;

/// <summary>
/// A visitor has seen their chat up to <see cref="Sequence"/> (CHAT-1 seen marks): published by the web node that heard it on
/// the property's seen stream, so agents on every web node get it (OPS-2). Never stored: a lost one is corrected by the next.
/// </summary>
[GenerateSerializer, Immutable, Alias("Conversations.VisitorSeen")]
public sealed record VisitorSeen(
    [property: Id(0)] Guid ConversationId,
    [property: Id(1)] long Sequence);

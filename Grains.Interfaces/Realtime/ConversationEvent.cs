using System.Text.Json.Serialization;

namespace Conversations.Grains.Interfaces.Realtime;

/// <summary>
/// A change to a conversation, published after it is durable. <see cref="Version"/> grows by one per
/// change of the conversation, so a listener that sees a jump knows it missed something and refetches.
/// </summary>
[GenerateSerializer, Immutable, Alias("Conversations.ConversationEvent")]
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ChatStarted), "chatStarted")]
[JsonDerivedType(typeof(MessagePosted), "messagePosted")]
[JsonDerivedType(typeof(ChatClosed), "chatClosed")]
[JsonDerivedType(typeof(ChatRated), "chatRated")]
[JsonDerivedType(typeof(ChatConvertedToTicket), "chatConvertedToTicket")]
[JsonDerivedType(typeof(ConversationAssigned), "conversationAssigned")]
[JsonDerivedType(typeof(TagsChanged), "tagsChanged")]
[JsonDerivedType(typeof(BinChanged), "binChanged")]
[JsonDerivedType(typeof(TicketCreated), "ticketCreated")]
[JsonDerivedType(typeof(TicketStatusChanged), "ticketStatusChanged")]
[JsonDerivedType(typeof(TicketPriorityChanged), "ticketPriorityChanged")]
[JsonDerivedType(typeof(TicketFollowUpLinked), "ticketFollowUpLinked")]
[JsonDerivedType(typeof(ConversationMerged), "conversationMerged")]
[JsonDerivedType(typeof(TranscriptRewritten), "transcriptRewritten")]
public abstract record ConversationEvent(
    [property: Id(0)] string PropertyId,
    [property: Id(1)] Guid ConversationId,
    [property: Id(2)] long Version,
    [property: Id(3)] DateTimeOffset At)
{
    /// <summary>False for anything a visitor must never receive (whispers).</summary>
    [JsonIgnore]
    public virtual bool VisibleToVisitor => true;
}

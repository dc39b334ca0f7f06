using System.Text.Json.Serialization;
using Conversations.Grains.Interfaces.Audit;

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
    [property: Id(3)] DateTimeOffset At) : IConversationScoped
{
    /// <summary>The agent whose action made the change (AUD-1); null for visitors and the system. Never sent to visitors' clients.</summary>
    [Id(4)]
    [JsonIgnore]
    public AuditActor? By { get; init; }

    /// <summary>The changed value before the change, as the audit log shows it (AUD-1); null where the event does not say.</summary>
    [Id(5)]
    [JsonIgnore]
    public string? Before { get; init; }

    /// <summary>False for anything a visitor must never receive (whispers).</summary>
    [JsonIgnore]
    public virtual bool VisibleToVisitor => true;
}

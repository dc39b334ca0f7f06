namespace Conversations.Grains.Interfaces.Chats;

/// <summary>
/// <see cref="VisitorEmail"/> is needed when the chat does not know the visitor's email yet;
/// <see cref="Subject"/> defaults to "Chat with {visitor name}".
/// </summary>
[GenerateSerializer, Immutable, Alias("Conversations.ConvertChatToTicket")]
public sealed record ConvertChatToTicket(
    [property: Id(0)] string PropertyId,
    [property: Id(1)] string? VisitorEmail,
    [property: Id(2)] string? Subject);

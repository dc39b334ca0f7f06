namespace Conversations.Grains.Interfaces.Email;

[GenerateSerializer, Immutable, Alias("Conversations.OutboxSnapshot")]
public sealed record OutboxSnapshot(
    [property: Id(0)] string PropertyId,
    [property: Id(1)] IReadOnlyList<OutboxEmail> Pending,
    [property: Id(2)] IReadOnlyList<OutboxEmail> RecentlySent);

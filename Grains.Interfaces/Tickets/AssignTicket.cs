namespace Conversations.Grains.Interfaces.Tickets;

/// <summary>Assigns an agent or a department (TIC-6); <see cref="AssigneeKind.None"/> unassigns.</summary>
[GenerateSerializer, Immutable, Alias("Conversations.AssignTicket")]
public sealed record AssignTicket(
    [property: Id(0)] string PropertyId,
    [property: Id(1)] AssigneeKind Kind,
    [property: Id(2)] string? AssigneeId);

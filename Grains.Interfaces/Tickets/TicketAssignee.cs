namespace Conversations.Grains.Interfaces.Tickets;

/// <summary>An agent or a department (TIC-6), by id.</summary>
[GenerateSerializer, Immutable, Alias("Conversations.TicketAssignee")]
public sealed record TicketAssignee(
    [property: Id(0)] AssigneeKind Kind,
    [property: Id(1)] string Id);

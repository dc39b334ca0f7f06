namespace Conversations.Grains.Interfaces.Tickets;

/// <summary>The visitor or contact a ticket is for; the email is required (TIC-1).</summary>
[GenerateSerializer, Immutable, Alias("Conversations.TicketRequester")]
public sealed record TicketRequester(
    [property: Id(0)] string? VisitorId,
    [property: Id(1)] string? Name,
    [property: Id(2)] string Email);

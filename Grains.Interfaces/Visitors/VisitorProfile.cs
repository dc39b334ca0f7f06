namespace Conversations.Grains.Interfaces.Visitors;

[GenerateSerializer, Immutable, Alias("Conversations.VisitorProfile")]
public sealed record VisitorProfile(
    [property: Id(0)] string PropertyId,
    [property: Id(1)] string VisitorId,
    [property: Id(2)] VisitorAbout About,
    [property: Id(3)] IReadOnlyList<VisitorAttribute> Attributes,
    [property: Id(4)] VisitorSocial Social,
    [property: Id(5)] string? OrganizationId,
    [property: Id(6)] VisitorDates Dates,
    [property: Id(7)] VisitorLocation? Location,
    [property: Id(8)] VisitorDevice? Device,
    [property: Id(9)] string? LastIp,
    [property: Id(10)] VisitorSessions Sessions);

using Conversations.Grains.Interfaces.Tickets;
using Conversations.Web.Validation;

namespace Conversations.Web.Tickets;

/// <summary>A new ticket. <see cref="TicketId"/> lets a client retry safely; the server picks one when it is absent.</summary>
public sealed record CreateTicketRequest(
    Guid? TicketId,
    string Subject,
    string RequesterEmail,
    string? RequesterName,
    string? RequesterVisitorId,
    TicketPriority? Priority,
    string? Text) : IHasStorageKeys
{
    IEnumerable<StorageKey> IHasStorageKeys.StorageKeys() => [new("requesterVisitorId", RequesterVisitorId, Optional: true)];
}

namespace Conversations.Web.Visitors;

public sealed record OfflineMessageReceipt(Guid TicketId);

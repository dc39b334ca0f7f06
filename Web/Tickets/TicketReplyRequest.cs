using Conversations.Grains.Interfaces.Tickets;

namespace Conversations.Web.Tickets;

/// <summary>
/// A reply; with <see cref="Status"/> it is Send &amp; mark open (1), pending (2) or closed (3) in one step (TIC-3).
/// <see cref="AttachmentIds"/> are files uploaded to this ticket before (text may then be empty).
/// </summary>
public sealed record TicketReplyRequest(string CommandId, string Text, TicketStatus? Status, IReadOnlyList<string>? AttachmentIds = null);

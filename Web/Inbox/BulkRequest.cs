using Conversations.Grains.Interfaces.Inbox;

namespace Conversations.Web.Inbox;

public sealed record BulkRequest(BulkAction Action, IReadOnlyList<Guid>? Ids);

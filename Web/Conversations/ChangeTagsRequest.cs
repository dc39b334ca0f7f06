namespace Conversations.Web.Conversations;

public sealed record ChangeTagsRequest(IReadOnlyList<string>? Add, IReadOnlyList<string>? Remove);

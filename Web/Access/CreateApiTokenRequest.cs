namespace Conversations.Web.Access;

public sealed record CreateApiTokenRequest(string Name);

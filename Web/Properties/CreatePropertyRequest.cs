namespace Conversations.Web.Properties;

public sealed record CreatePropertyRequest(string Id, string Name, string? SupportEmail);

namespace Conversations.Web.Properties;

public sealed record RenamePropertyRequest(string Name);

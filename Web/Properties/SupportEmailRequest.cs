namespace Conversations.Web.Properties;

/// <param name="SupportEmail">The new support address; null or empty removes it.</param>
public sealed record SupportEmailRequest(string? SupportEmail);

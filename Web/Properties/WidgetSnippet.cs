namespace Conversations.Web.Properties;

public sealed record WidgetSnippet(string WidgetKey, string Html);

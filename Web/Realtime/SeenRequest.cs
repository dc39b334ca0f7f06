namespace Conversations.Web.Realtime;

/// <summary>The agent has seen the chat's messages up to <see cref="Sequence"/>.</summary>
public sealed record SeenRequest(long Sequence);

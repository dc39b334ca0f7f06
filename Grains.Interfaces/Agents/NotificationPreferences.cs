namespace Conversations.Grains.Interfaces.Agents;

/// <summary>How the agent's consoles alert them to new chats and messages; kept on the agent, so it follows them to any browser.</summary>
[GenerateSerializer, Immutable, Alias("Conversations.NotificationPreferences")]
public sealed record NotificationPreferences(
    [property: Id(0)] bool Sound,
    [property: Id(1)] bool Desktop)
{
    /// <summary>A sound, no desktop notification: desktop ones need the browser's permission, asked for when turned on.</summary>
    public static NotificationPreferences Default { get; } = new(true, false);
}

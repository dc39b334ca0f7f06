namespace Conversations.Grains.Agents;

[GenerateSerializer, Alias("Conversations.AgentLoginState")]
public sealed class AgentLoginState
{
    [Id(0)] public Guid? AgentId { get; set; }
    [Id(1)] public string PasswordHash { get; set; } = "";
    [Id(2)] public int FailedAttempts { get; set; }
    [Id(3)] public DateTimeOffset? LockedOutUntil { get; set; }
}

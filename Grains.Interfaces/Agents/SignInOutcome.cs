namespace Conversations.Grains.Interfaces.Agents;

/// <summary>The outcome of a sign-in attempt. A wrong email and a wrong password look the same.</summary>
[GenerateSerializer, Immutable, Alias("Conversations.SignInOutcome")]
public sealed record SignInOutcome(
    [property: Id(0)] Guid? AgentId,
    [property: Id(1)] DateTimeOffset? LockedOutUntil)
{
    public bool Succeeded => AgentId is not null;

    public static SignInOutcome Failed { get; } = new(null, null);
}

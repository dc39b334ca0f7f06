namespace Conversations.Grains.Interfaces.Agents;

/// <summary>
/// The password credential of one email address (key: the address, trimmed and lower-cased).
/// Holds the hash and the lockout counter; the password itself is never stored.
/// </summary>
[Alias("Conversations.IAgentLoginGrain")]
public interface IAgentLoginGrain : IGrainWithStringKey
{
    /// <summary>
    /// Binds the address to <paramref name="proposedAgentId"/> unless it is bound already, and returns
    /// the agent it is bound to: two concurrent creations of one address end with one agent.
    /// </summary>
    [Alias("Claim")]
    Task<Guid> ClaimAsync(Guid proposedAgentId);

    [Alias("HasPassword")]
    Task<bool> HasPasswordAsync();

    /// <summary>Sets the first password of the address and returns true, or returns false when it already has one.</summary>
    [Alias("SetInitialPassword")]
    Task<bool> SetInitialPasswordAsync(Guid agentId, string password);

    /// <summary>Sets the password of <paramref name="agentId"/>; refused if the address belongs to another agent.</summary>
    [Alias("SetPassword")]
    Task SetPasswordAsync(Guid agentId, string password);

    [Alias("SignIn")]
    Task<SignInOutcome> SignInAsync(string password);

    /// <summary>The agent this address signs in as, if any.</summary>
    [Alias("GetAgentId")]
    Task<Guid?> GetAgentIdAsync();
}

namespace Conversations.Grains.Interfaces.Agents;

/// <summary>
/// The password credential of one email address (key: the address, trimmed and lower-cased).
/// Holds the hash and the lockout counter; the password itself is never stored.
/// </summary>
[Alias("Conversations.IAgentLoginGrain")]
public interface IAgentLoginGrain : IGrainWithStringKey
{
    /// <summary>Sets the password of <paramref name="agentId"/>; refused if the address belongs to another agent.</summary>
    [Alias("SetPassword")]
    Task SetPasswordAsync(Guid agentId, string password);

    [Alias("SignIn")]
    Task<SignInOutcome> SignInAsync(string password);

    /// <summary>The agent this address signs in as, if any.</summary>
    [Alias("GetAgentId")]
    Task<Guid?> GetAgentIdAsync();
}

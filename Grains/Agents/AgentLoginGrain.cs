using Conversations.Grains.Common;
using Conversations.Grains.Interfaces.Agents;
using Conversations.Grains.Interfaces.Common;
using Microsoft.AspNetCore.Identity;

namespace Conversations.Grains.Agents;

public sealed class AgentLoginGrain(
    [PersistentState("login", ConversationsNames.GrainStorage)] IPersistentState<AgentLoginState> state,
    TimeProvider clock) : Grain, IAgentLoginGrain
{
    public const int MinPasswordLength = 8;
    public const int MaxPasswordLength = 128;
    public const int FailuresBeforeLockout = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(5);

    private static readonly PasswordHasher<AgentLoginState> Hasher = new();

    // Verified when the address is unknown, so an unknown address costs as much time as a wrong password (same iterations).
    private static readonly string DummyHash = Hasher.HashPassword(new AgentLoginState(), Guid.NewGuid().ToString());

    private AgentLoginState Login => state.State;

    public async Task<Guid> ClaimAsync(Guid proposedAgentId)
    {
        EmailAddress.NormalizeKey(this.GetPrimaryKeyString());
        if (Login.AgentId is { } owner)
        {
            return owner;
        }

        Login.AgentId = proposedAgentId;
        await this.PersistAsync(state.WriteStateAsync);
        return proposedAgentId;
    }

    public Task<bool> HasPasswordAsync() => Task.FromResult(Login.PasswordHash.Length > 0);

    public async Task<bool> SetInitialPasswordAsync(Guid agentId, string password)
    {
        if (Login.PasswordHash.Length > 0)
        {
            return false;
        }

        await SetPasswordAsync(agentId, password);
        return true;
    }

    public async Task SetPasswordAsync(Guid agentId, string password)
    {
        EmailAddress.NormalizeKey(this.GetPrimaryKeyString());
        if (Login.AgentId is { } owner && owner != agentId)
        {
            throw new DomainException(DomainErrorCode.Conflict, "This email address already belongs to another agent.");
        }

        if (password is null || password.Length < MinPasswordLength || password.Length > MaxPasswordLength)
        {
            throw DomainException.Invalid($"A password is {MinPasswordLength}-{MaxPasswordLength} characters.");
        }

        Login.AgentId = agentId;
        Login.PasswordHash = Hasher.HashPassword(Login, password);
        Login.FailedAttempts = 0;
        Login.LockedOutUntil = null;
        await this.PersistAsync(state.WriteStateAsync);
    }

    public async Task<SignInOutcome> SignInAsync(string password)
    {
        var now = clock.GetUtcNow();
        if (Login.LockedOutUntil is { } until && until > now)
        {
            return new SignInOutcome(null, until);
        }

        var candidate = password is { Length: > 0 and <= MaxPasswordLength } ? password : "";
        var hasPassword = Login.AgentId is not null && Login.PasswordHash.Length > 0;
        var verdict = Hasher.VerifyHashedPassword(Login, hasPassword ? Login.PasswordHash : DummyHash, candidate);
        if (!hasPassword || Login.AgentId is not { } agentId || verdict == PasswordVerificationResult.Failed || candidate.Length == 0)
        {
            return await RecordFailureAsync(now);
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            Login.PasswordHash = Hasher.HashPassword(Login, candidate);
        }

        if (Login.FailedAttempts > 0 || Login.LockedOutUntil is not null || verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            Login.FailedAttempts = 0;
            Login.LockedOutUntil = null;
            await this.PersistAsync(state.WriteStateAsync);
        }

        return new SignInOutcome(agentId, null);
    }

    public Task<Guid?> GetAgentIdAsync() => Task.FromResult(Login.AgentId);

    /// <summary>
    /// Counts the failure and locks the address after <see cref="FailuresBeforeLockout"/>, whether or not it has an account:
    /// an unknown address answers exactly as a known one (status, lockout, the same hash and write), so sign-in never tells
    /// which addresses have accounts.
    /// </summary>
    private async Task<SignInOutcome> RecordFailureAsync(DateTimeOffset now)
    {
        Login.FailedAttempts++;
        if (Login.FailedAttempts >= FailuresBeforeLockout)
        {
            Login.LockedOutUntil = now + LockoutDuration;
            Login.FailedAttempts = 0;
        }

        await this.PersistAsync(state.WriteStateAsync);

        // A lockout that has run out is no lockout: the failure after it is a plain wrong password.
        return new SignInOutcome(null, Login.LockedOutUntil > now ? Login.LockedOutUntil : null);
    }
}

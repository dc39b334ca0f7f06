namespace Conversations.Grains.Common;

/// <summary>
/// The one way a grain writes its state. A grain changes its state in memory before writing it, so after a
/// failed write the activation no longer matches storage: it is dropped at once, and the next call reloads what
/// storage holds. The grain never serves a change it could not store, whatever kind of grain it is.
/// </summary>
public static class GrainPersistence
{
    /// <summary>Runs <paramref name="write"/> (a state write or clear); when it fails, deactivates the grain and rethrows.</summary>
    public static async Task PersistAsync(this Grain grain, Func<Task> write)
    {
        try
        {
            await write();
        }
        catch
        {
            grain.Forget();
            throw;
        }
    }

    /// <summary>Drops the activation: what it holds in memory is not what storage holds (or may not be).</summary>
    public static void Forget(this Grain grain) =>
        grain.GrainContext.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "A state write failed; the state in memory is not the stored one."));
}

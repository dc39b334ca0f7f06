namespace Conversations.Grains.KnowledgeBase;

public static class GrainPersistence
{
    /// <summary>
    /// Runs a state write. A grain changes its state before writing it, so after a failed write the
    /// activation no longer matches storage: it is dropped, and the next call reloads the stored state.
    /// </summary>
    public static async Task PersistAsync(this Grain grain, Func<Task> write)
    {
        try
        {
            await write();
        }
        catch
        {
            grain.GrainContext.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "A state write failed."));
            throw;
        }
    }
}

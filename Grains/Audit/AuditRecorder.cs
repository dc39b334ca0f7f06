using Conversations.Grains.Interfaces.Audit;

namespace Conversations.Grains.Audit;

/// <summary>
/// How a grain that owns a setting records an admin's change of it (AUD-1): after its own write, with the acting agent the web
/// node put in the request context. A change without an actor (the system, first-run seeding) is not an agent action and is not
/// recorded. A failed audit write fails the call, so the caller retries the (repeatable) change and it is recorded then.
/// </summary>
public static class AuditRecorder
{
    public static Task RecordAsync(
        this IAuditStore store, TimeProvider clock, string propertyId, string action, string targetKind, string targetId, string? before, string? after)
    {
        if (AuditActors.Current is not { } actor)
        {
            return Task.CompletedTask;
        }

        var at = clock.GetUtcNow();
        return store.AppendAsync(new AuditEntry(AuditIds.New(at), propertyId, at, actor.Id, actor.Name, action, targetKind, targetId, before, after));
    }
}

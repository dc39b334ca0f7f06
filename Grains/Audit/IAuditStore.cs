using Conversations.Grains.Interfaces.Audit;

namespace Conversations.Grains.Audit;

/// <summary>The append-only audit log (AUD-1): entries are added (an entry with an id already stored is left as it is) and read, never changed.</summary>
public interface IAuditStore
{
    Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default);
}

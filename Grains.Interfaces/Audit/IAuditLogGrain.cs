namespace Conversations.Grains.Interfaces.Audit;

/// <summary>Reads a property's audit log (AUD-1). There is no method to change or delete entries: the log is append-only.</summary>
[Alias("Conversations.IAuditLogGrain")]
public interface IAuditLogGrain : IGrainWithIntegerKey
{
    [Alias("Query")]
    Task<AuditPage> QueryAsync(AuditQuery query);
}

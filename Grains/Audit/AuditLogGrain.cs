using Conversations.Grains.Interfaces.Audit;
using Conversations.Grains.Interfaces.Common;
using Orleans.Concurrency;

namespace Conversations.Grains.Audit;

/// <summary>Reads the audit log (AUD-1) with the filters checked; a stateless worker next to the store.</summary>
[StatelessWorker]
public sealed class AuditLogGrain(IAuditStore store) : Grain, IAuditLogGrain
{
    public Task<AuditPage> QueryAsync(AuditQuery query)
    {
        TableKeys.Require(query.PropertyId, "The property id");
        if (query.Limit is < 1 or > AuditQuery.MaxLimit)
        {
            throw DomainException.Invalid($"limit must be between 1 and {AuditQuery.MaxLimit}.");
        }

        if (query.From is { } from && query.To is { } to && to < from)
        {
            throw DomainException.Invalid("The period ends before it starts.");
        }

        return store.QueryAsync(query);
    }
}

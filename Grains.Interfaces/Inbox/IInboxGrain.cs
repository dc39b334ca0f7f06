using Conversations.Grains.Interfaces.Common;

namespace Conversations.Grains.Interfaces.Inbox;

/// <summary>A property's inbox (INB-1): queries its shards and merges the pages, and runs bulk actions (INB-5). Keyed by property id.</summary>
[Alias("Conversations.IInboxGrain")]
public interface IInboxGrain : IGrainWithStringKey
{
    [Alias("Query")]
    Task<InboxPage> QueryAsync(InboxQuery query);

    [Alias("Bulk")]
    [ResponseTimeout(GrainCallTimeouts.Long)]
    Task<IReadOnlyList<BulkItemResult>> BulkAsync(BulkAction action, IReadOnlyList<Guid> ids);

    /// <summary>Every row but purged ones, from all shards; for consistency checks.</summary>
    [Alias("GetAll")]
    [ResponseTimeout(GrainCallTimeouts.Long)]
    Task<IReadOnlyList<InboxRow>> GetAllAsync();
}

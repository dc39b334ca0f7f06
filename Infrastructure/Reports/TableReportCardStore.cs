using Azure.Data.Tables;
using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Inbox;
using Conversations.Grains.Interfaces.Sla;
using Conversations.Grains.Reports;
using Conversations.Hosting;
using Conversations.Infrastructure.Storage;

namespace Conversations.Infrastructure.Reports;

/// <summary>Report cards in a table: partition = property, row = conversation id (32 hex digits). Read by key only.</summary>
public sealed class TableReportCardStore(TableServiceClient tableService) : IReportCardStore
{
    private readonly TableOnFirstUse _table = new(tableService, StorageNames.ReportCardsTable);

    public async Task<ReportCard?> GetAsync(string propertyId, Guid conversationId, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(propertyId, conversationId.ToString("N"), cancellationToken: cancellationToken);
        if (!found.HasValue || found.Value is not { } e)
        {
            return null;
        }

        return new ReportCard(
            conversationId,
            (ConversationKind)(e.GetInt32("Kind") ?? 0),
            e.GetInt64("Version") ?? 0,
            e.GetDateTimeOffset("CreatedAt") ?? default,
            e.GetBoolean("HasMessages") ?? false,
            e.GetString("AgentId"),
            e.GetString("DepartmentId"),
            e.GetString("FirstResponderId"),
            e.GetDateTimeOffset("FirstResponseAt"),
            e.GetDateTimeOffset("ResolvedAt"),
            (ChatRatingValue)(e.GetInt32("Rating") ?? 0),
            e.GetDateTimeOffset("RatedAt"),
            e.GetBoolean("Excluded") ?? false,
            SlaOf(conversationId, e),
            e.GetBoolean("Merged") ?? false);
    }

    public async Task SaveAsync(string propertyId, ReportCard card, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        var entity = new TableEntity(propertyId, card.ConversationId.ToString("N"))
        {
            ["Kind"] = (int)card.Kind,
            ["Version"] = card.Version,
            ["CreatedAt"] = card.CreatedAt,
            ["HasMessages"] = card.HasMessages,
            ["AgentId"] = card.AgentId,
            ["DepartmentId"] = card.DepartmentId,
            ["FirstResponderId"] = card.FirstResponderId,
            ["FirstResponseAt"] = card.FirstResponseAt,
            ["ResolvedAt"] = card.ResolvedAt,
            ["Rating"] = (int)card.Rating,
            ["RatedAt"] = card.RatedAt,
            ["Excluded"] = card.Excluded,
            ["Merged"] = card.Merged,
            ["SlaSequence"] = card.Sla?.Sequence,
            ["SlaFirstResponse"] = (int?)card.Sla?.FirstResponse,
            ["SlaNextResponsesMet"] = card.Sla?.NextResponsesMet,
            ["SlaNextResponsesBreached"] = card.Sla?.NextResponsesBreached,
            ["SlaResolution"] = (int?)card.Sla?.Resolution,
        };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    private static SlaOutcome? SlaOf(Guid conversationId, TableEntity e) =>
        e.GetInt64("SlaSequence") is { } sequence
            ? new SlaOutcome(conversationId, (ConversationKind)(e.GetInt32("Kind") ?? 0), sequence,
                (SlaResult?)e.GetInt32("SlaFirstResponse"), e.GetInt32("SlaNextResponsesMet") ?? 0, e.GetInt32("SlaNextResponsesBreached") ?? 0,
                (SlaResult?)e.GetInt32("SlaResolution"))
            : null;

    public async Task DeleteAsync(string propertyId, Guid conversationId, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        await table.DeleteEntityAsync(propertyId, conversationId.ToString("N"), cancellationToken: cancellationToken);
    }
}

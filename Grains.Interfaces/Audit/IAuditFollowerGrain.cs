namespace Conversations.Grains.Interfaces.Audit;

/// <summary>Records agents' actions on a property's conversations from its committed changes (AUD-1); keyed by property id.</summary>
[Alias("Conversations.IAuditFollowerGrain")]
public interface IAuditFollowerGrain : IGrainWithStringKey
{
}

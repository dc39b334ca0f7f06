namespace Conversations.Grains.Interfaces.Sla;

/// <summary>Whether a conversation met a target (SLA-1); decided once, when the reply or close comes or the due time passes.</summary>
public enum SlaResult
{
    Met = 1,
    Breached = 2,
}

namespace Conversations.Grains.Interfaces.Sla;

public enum SlaFilter
{
    /// <summary>Every open conversation with a running or breached target.</summary>
    All = 0,

    /// <summary>Not breached yet, but due within the property's "breaching soon" window.</summary>
    BreachingSoon = 1,

    Breached = 2,
}

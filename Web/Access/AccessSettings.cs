namespace Conversations.Web.Access;

/// <summary><c>Conversations:Access:*</c>: how long a web node relies on what it read of an agent's role.</summary>
public sealed class AccessSettings
{
    public const string SectionName = "Conversations:Access";

    /// <summary>How long a role read from an agent's grain is used without asking again; an announced change drops it at once.</summary>
    public TimeSpan RoleCacheLifetime { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the roles behind the live feeds joined on a node are read again, should an announced removal be lost.</summary>
    public TimeSpan RecheckPeriod { get; set; } = TimeSpan.FromSeconds(10);
}

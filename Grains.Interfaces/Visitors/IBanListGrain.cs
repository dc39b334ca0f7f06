namespace Conversations.Grains.Interfaces.Visitors;

/// <summary>The ban list of one property (keyed by the property id): banned visitors cannot start chats (CHAT-4).</summary>
[Alias("Conversations.IBanListGrain")]
public interface IBanListGrain : IGrainWithStringKey
{
    /// <summary>Bans the visitor (and the IP when given); banning again replaces the earlier ban of that visitor.</summary>
    [Alias("Ban")]
    Task<VisitorBan> BanAsync(BanVisitor command);

    [Alias("Unban")]
    Task UnbanAsync(string visitorId);

    [Alias("List")]
    Task<IReadOnlyList<VisitorBan>> ListAsync();

    /// <summary>The ban that applies to this visitor or this IP address, if any.</summary>
    [Alias("Find")]
    Task<VisitorBan?> FindAsync(string visitorId, string? ip);
}

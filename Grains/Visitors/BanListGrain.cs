using System.Net;
using Conversations.Grains.Common;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Visitors;

namespace Conversations.Grains.Visitors;

public sealed class BanListGrain(
    [PersistentState("bans", ConversationsNames.GrainStorage)] IPersistentState<BanListState> state,
    TimeProvider clock) : Grain, IBanListGrain
{
    public const int MaxBans = 1000;

    private List<VisitorBan> Bans => state.State.Bans;

    public async Task<VisitorBan> BanAsync(BanVisitor command)
    {
        var visitorId = ProfileText.Optional(command.VisitorId, "A visitor id", 100);
        if (string.IsNullOrEmpty(visitorId))
        {
            throw DomainException.Invalid("A ban needs the visitor id.");
        }

        string? ip = null;
        if (!string.IsNullOrWhiteSpace(command.Ip))
        {
            ip = IPAddress.TryParse(command.Ip.Trim(), out var address)
                ? address.ToString()
                : throw DomainException.Invalid("The IP address is not valid.");
        }

        var ban = new VisitorBan(visitorId, ip, ProfileText.Optional(command.Reason, "A reason", 500), command.BannedBy, clock.GetUtcNow());
        Bans.RemoveAll(b => b.VisitorId == visitorId);
        if (Bans.Count >= MaxBans)
        {
            throw DomainException.Invalid($"The ban list is full ({MaxBans}); remove old bans first.");
        }

        Bans.Add(ban);
        await this.PersistAsync(state.WriteStateAsync);
        return ban;
    }

    public async Task UnbanAsync(string visitorId)
    {
        if (Bans.RemoveAll(b => b.VisitorId == visitorId) == 0)
        {
            throw DomainException.NotFound("The ban");
        }

        await this.PersistAsync(state.WriteStateAsync);
    }

    public Task<IReadOnlyList<VisitorBan>> ListAsync() =>
        Task.FromResult<IReadOnlyList<VisitorBan>>(Enumerable.Reverse(Bans).ToList());

    public Task<VisitorBan?> FindAsync(string visitorId, string? ip)
    {
        var normalized = ip is not null && IPAddress.TryParse(ip, out var address) ? address.ToString() : null;
        return Task.FromResult(Bans.Find(b => b.VisitorId == visitorId || (normalized is not null && b.Ip == normalized)));
    }
}

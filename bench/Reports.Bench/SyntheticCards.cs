using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Inbox;
using Conversations.Grains.Interfaces.Sla;
using Conversations.Grains.Reports;

namespace Conversations.Reports.Bench;

/// <summary>
/// Report cards of made-up conversations spread over a year: 70 % chats, most assigned to one of the agents, many to a
/// department, first replies from seconds to hours, resolutions from minutes to days, some missed and some rated, SLA targets
/// mostly met.
/// </summary>
public sealed class SyntheticCards(int seed, DateOnly firstDay, int days, int agents, int departments)
{
    private readonly Random _random = new(seed);

    public ReportCard Next()
    {
        var created = new DateTimeOffset(firstDay.AddDays(_random.Next(days)).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
            .AddSeconds(_random.Next(86_400));
        var chat = _random.NextDouble() < 0.7;
        var responded = _random.NextDouble() < 0.85;
        var resolved = _random.NextDouble() < 0.8;
        var rated = chat && _random.NextDouble() < 0.3;
        var firstResponse = created.AddSeconds(Math.Exp(_random.NextDouble() * 9));
        var resolution = created.AddSeconds(Math.Exp(4 + _random.NextDouble() * 10));
        return new ReportCard(
            Guid.NewGuid(),
            chat ? ConversationKind.Chat : ConversationKind.Ticket,
            Version: 5,
            CreatedAt: created,
            HasMessages: true,
            AgentId: _random.NextDouble() < 0.9 ? $"agent-{_random.Next(agents)}" : null,
            DepartmentId: _random.NextDouble() < 0.6 ? $"department-{_random.Next(departments)}" : null,
            FirstResponderId: null,
            FirstResponseAt: responded ? firstResponse : null,
            ResolvedAt: resolved ? resolution : null,
            Rating: rated ? (_random.NextDouble() < 0.8 ? ChatRatingValue.Good : ChatRatingValue.Bad) : ChatRatingValue.None,
            RatedAt: rated ? resolution : null,
            Sla: new SlaOutcome(Guid.Empty, chat ? ConversationKind.Chat : ConversationKind.Ticket, 1,
                responded ? (_random.NextDouble() < 0.8 ? SlaResult.Met : SlaResult.Breached) : null,
                _random.Next(3), _random.Next(2), resolved ? (_random.NextDouble() < 0.7 ? SlaResult.Met : SlaResult.Breached) : null));
    }
}

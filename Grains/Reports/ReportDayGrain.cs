using Conversations.Grains.Common;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Reports;

namespace Conversations.Grains.Reports;

/// <summary>
/// One property's report figures of one UTC day (RPT-1). Its size depends on the agents and departments, never on the number of
/// conversations. Reads get an immutable snapshot, rebuilt after a change; its month (<see cref="ReportMonthGrain"/>) keeps it and
/// is told of each change.
/// </summary>
public sealed class ReportDayGrain(
    [PersistentState("reportDay", ConversationsNames.GrainStorage)] IPersistentState<ReportDayState> state) : Grain, IReportDayGrain
{
    /// <summary>Redeliveries come soon after the first delivery; this many recent keys cover them.</summary>
    public const int RememberedChanges = 512;

    private ReportDaySnapshot? _snapshot;

    public async Task ApplyAsync(string changeKey, ReportDayPart delta)
    {
        if (!state.State.RecentChanges.Contains(changeKey, StringComparer.Ordinal))
        {
            await MergeAsync(changeKey, delta);
        }

        // Also after a repeat: if telling the month failed before, the repeat tells it now.
        var (day, propertyId) = ReportDayKeys.Parse(this.GetPrimaryKeyString());
        await GrainFactory.GetGrain<IReportMonthGrain>(ReportDayKeys.Month(propertyId, day)).DayChangedAsync(day);
    }

    private async Task MergeAsync(string changeKey, ReportDayPart delta)
    {
        _snapshot = null;
        state.State.Part.Merge(delta);
        state.State.RecentChanges.Add(changeKey);
        if (state.State.RecentChanges.Count > RememberedChanges)
        {
            state.State.RecentChanges.RemoveRange(0, state.State.RecentChanges.Count - RememberedChanges);
        }

        await this.PersistAsync(state.WriteStateAsync);
    }

    public Task<ReportDaySnapshot> GetAsync(IReadOnlyList<string> slices, bool withBreakdown)
    {
        var all = _snapshot ??= Snapshot(state.State.Part);
        if (withBreakdown || all.Slices.Count == 0)
        {
            return Task.FromResult(all);
        }

        var counts = new Dictionary<string, ReportCounts>(StringComparer.Ordinal);
        var figures = new Dictionary<string, ReportFigures>(StringComparer.Ordinal);
        foreach (var (key, value) in all.Slices)
        {
            if (slices.Contains(key, StringComparer.Ordinal))
            {
                counts[key] = value;
                figures[key] = all.Figures[key];
            }
        }

        return Task.FromResult(new ReportDaySnapshot(counts, figures));
    }

    private static ReportDaySnapshot Snapshot(ReportDayPart part) => new(
        part.Slices.ToDictionary(s => s.Key, s => s.Value.Copy(), StringComparer.Ordinal),
        part.Slices.ToDictionary(s => s.Key, s => ReportFigures.Of(s.Value), StringComparer.Ordinal));
}

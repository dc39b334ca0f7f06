using Conversations.Grains.Common;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Reports;

namespace Conversations.Grains.Reports;

/// <summary>
/// One property's report figures of one UTC day (RPT-1). Its size depends on the agents and departments, never on the number of
/// conversations, so answering a period reads one small state per day.
/// </summary>
public sealed class ReportDayGrain(
    [PersistentState("reportDay", ConversationsNames.GrainStorage)] IPersistentState<ReportDayState> state) : Grain, IReportDayGrain
{
    /// <summary>Redeliveries come soon after the first delivery; this many recent keys cover them.</summary>
    public const int RememberedChanges = 512;

    public async Task ApplyAsync(string changeKey, ReportDayPart delta)
    {
        if (state.State.RecentChanges.Contains(changeKey, StringComparer.Ordinal))
        {
            return;
        }

        state.State.Part.Merge(delta);
        state.State.RecentChanges.Add(changeKey);
        if (state.State.RecentChanges.Count > RememberedChanges)
        {
            state.State.RecentChanges.RemoveRange(0, state.State.RecentChanges.Count - RememberedChanges);
        }

        await this.PersistAsync(state.WriteStateAsync);
    }

    public Task<ReportDayPart> GetAsync(IReadOnlyList<string> slices, bool withBreakdown)
    {
        var part = new ReportDayPart();
        foreach (var (key, counts) in state.State.Part.Slices)
        {
            var wanted = slices.Contains(key, StringComparer.Ordinal)
                || (withBreakdown && (key.StartsWith(ReportSlices.AgentPrefix, StringComparison.Ordinal) || key.StartsWith(ReportSlices.DepartmentPrefix, StringComparison.Ordinal)));
            if (wanted)
            {
                part.Slices[key] = counts;
            }
        }

        return Task.FromResult(part);
    }
}

using System.ComponentModel.DataAnnotations;

namespace Conversations.Web.Admission;

/// <summary><c>Conversations:Admission:*</c>: how much work one web node takes on at once before it refuses more.</summary>
public sealed class AdmissionSettings
{
    public const string SectionName = "Conversations:Admission";

    /// <summary>
    /// The most hub calls and API writes in progress on this node. At the knee a call takes ~10–20 ms, so a few dozen are in
    /// progress; hundreds mean the node or the cluster behind it is saturated and every extra call only lengthens the
    /// queue every other caller waits in.
    /// </summary>
    [Range(1, 100_000, ErrorMessage = SectionName + ":MaxCallsInFlight must be between 1 and 100000.")]
    public int MaxCallsInFlight { get; set; } = 512;

    /// <summary>The bound never adapts below this (nor above <see cref="MaxCallsInFlight"/>).</summary>
    [Range(1, 100_000, ErrorMessage = SectionName + ":MinCallsInFlight must be between 1 and 100000.")]
    public int MinCallsInFlight { get; set; } = 32;

    /// <summary>
    /// The mean call time the bound adapts to keep: while calls take longer, fewer are admitted, so the excess is refused
    /// at once instead of queueing behind a cluster that is slower than one silo's worth of permits assumes. 0 keeps the
    /// bound fixed at <see cref="MaxCallsInFlight"/>.
    /// </summary>
    [Range(0, 60_000, ErrorMessage = SectionName + ":TargetCallMilliseconds must be between 0 and 60000.")]
    public int TargetCallMilliseconds { get; set; } = 250;
}

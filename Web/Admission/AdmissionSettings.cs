using System.ComponentModel.DataAnnotations;

namespace Conversations.Web.Admission;

/// <summary><c>Conversations:Admission:*</c>: how much work one web node takes on at once before it refuses more.</summary>
public sealed class AdmissionSettings
{
    public const string SectionName = "Conversations:Admission";

    /// <summary>
    /// Hub calls and API writes in progress on this node. At the knee a call takes ~10–20 ms, so a few dozen are in
    /// progress; hundreds mean the node or the cluster behind it is saturated and every extra call only lengthens the
    /// queue every other caller waits in.
    /// </summary>
    [Range(1, 100_000, ErrorMessage = SectionName + ":MaxCallsInFlight must be between 1 and 100000.")]
    public int MaxCallsInFlight { get; set; } = 512;
}

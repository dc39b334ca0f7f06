namespace Conversations.Grains.Interfaces.Common;

/// <summary>
/// How long a grain call may take before its caller gets a timeout and retries. Short by default, so that a call
/// stuck on a silo that was just killed fails soon and its retry finds the grain on a live silo; the few calls that
/// walk many rows (bulk actions, purges, rebuilds, full reads) carry <see cref="ResponseTimeoutAttribute"/> with <see cref="Long"/>.
/// </summary>
public static class GrainCallTimeouts
{
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(6);

    public const string Long = "00:00:30";
}

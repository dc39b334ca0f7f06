using System.Globalization;

namespace Conversations.Grains.Audit;

/// <summary>Entry ids: the time counted down (newest first in storage order), then a suffix that makes the id unique.</summary>
public static class AuditIds
{
    public static string TimePrefix(DateTimeOffset at) => (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>One id per committed conversation change, so a redelivered event writes the same entry again.</summary>
    public static string OfChange(DateTimeOffset at, Guid conversationId, long version) =>
        $"{TimePrefix(at)}-{conversationId:N}-{version.ToString("D10", CultureInfo.InvariantCulture)}";

    public static string New(DateTimeOffset at) => $"{TimePrefix(at)}-{Guid.NewGuid():N}";
}

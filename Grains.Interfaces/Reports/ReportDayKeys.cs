using System.Globalization;

namespace Conversations.Grains.Interfaces.Reports;

/// <summary>A report day grain's key: the UTC day (yyyyMMdd, fixed length) then the property id, so any property id fits.</summary>
public static class ReportDayKeys
{
    public static string Of(string propertyId, DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + ":" + propertyId;

    public static (DateOnly Day, string PropertyId) Parse(string key) =>
        (DateOnly.ParseExact(key[..8], "yyyyMMdd", CultureInfo.InvariantCulture), key[9..]);

    public static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);
}

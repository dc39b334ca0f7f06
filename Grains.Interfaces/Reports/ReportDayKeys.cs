using System.Globalization;

namespace Conversations.Grains.Interfaces.Reports;

/// <summary>A report day grain's key: the UTC day (yyyyMMdd, fixed length) then the property id, so any property id fits.</summary>
public static class ReportDayKeys
{
    public static string Of(string propertyId, DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + ":" + propertyId;

    /// <summary>A report month grain's key: the UTC month (yyyyMM) then the property id.</summary>
    public static string Month(string propertyId, DateOnly day) => day.ToString("yyyyMM", CultureInfo.InvariantCulture) + ":" + propertyId;

    public static (DateOnly FirstDay, string PropertyId) ParseMonth(string key) =>
        (DateOnly.ParseExact(key[..6] + "01", "yyyyMMdd", CultureInfo.InvariantCulture), key[7..]);

    public static (DateOnly Day, string PropertyId) Parse(string key) =>
        (DateOnly.ParseExact(key[..8], "yyyyMMdd", CultureInfo.InvariantCulture), key[9..]);

    public static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);
}

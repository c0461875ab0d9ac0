using System.Globalization;

namespace NewsMirror.Publishing.Site;

/// <summary>The site groups and shows times in China time (UTC+8, no daylight saving), as the archive's list pages do.</summary>
internal static class ChinaTime
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset FromUnixMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).ToOffset(Offset);

    public static DateOnly Day(long ms) => DateOnly.FromDateTime(FromUnixMs(ms).DateTime);

    public static string DayKey(DateOnly day) =>
        string.Create(10, day, static (chars, d) =>
        {
            d.Year.TryFormat(chars[..4], out _, "D4", CultureInfo.InvariantCulture);
            chars[4] = '-';
            d.Month.TryFormat(chars[5..7], out _, "D2", CultureInfo.InvariantCulture);
            chars[7] = '-';
            d.Day.TryFormat(chars[8..], out _, "D2", CultureInfo.InvariantCulture);
        });

    public static string DayLabel(DateOnly day) => day.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    public static string Display(long ms) => FromUnixMs(ms).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string ClockDisplay(long ms) => FromUnixMs(ms).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>RFC 3339 in UTC, for <c>&lt;time datetime&gt;</c> and Atom dates.</summary>
    public static string Iso(long ms) =>
        DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

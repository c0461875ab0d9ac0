using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsMirror.Feeds;

/// <summary>
/// Parses the dates real feeds write: RFC 822/1123 and its breakages, ISO 8601 / W3CDTF in every
/// partial form, Unix timestamps, Chinese and day-first numeric forms.
/// Zone abbreviations are read as RFC 822 and JavaScript's Date.parse read them — in particular
/// CST is US Central (UTC−6) even in Chinese feeds, because the archive's reference times were
/// produced by Date.parse and must stay comparable with them.
/// </summary>
public static partial class FeedDate
{
    private static readonly Dictionary<string, TimeSpan> ZoneAbbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        ["GMT"] = TimeSpan.Zero, ["UT"] = TimeSpan.Zero, ["UTC"] = TimeSpan.Zero, ["Z"] = TimeSpan.Zero,
        ["WET"] = TimeSpan.Zero, ["WEST"] = H(1), ["BST"] = H(1), ["IST"] = new(5, 30, 0),
        ["CET"] = H(1), ["CEST"] = H(2), ["MET"] = H(1), ["MEST"] = H(2), ["EET"] = H(2), ["EEST"] = H(3), ["MSK"] = H(3),
        ["EST"] = H(-5), ["EDT"] = H(-4), ["CST"] = H(-6), ["CDT"] = H(-5),
        ["MST"] = H(-7), ["MDT"] = H(-6), ["PST"] = H(-8), ["PDT"] = H(-7),
        ["AKST"] = H(-9), ["AKDT"] = H(-8), ["HST"] = H(-10),
        ["HKT"] = H(8), ["SGT"] = H(8), ["AWST"] = H(8), ["CCT"] = H(8),
        ["JST"] = H(9), ["KST"] = H(9), ["ACST"] = new(9, 30, 0), ["AEST"] = H(10), ["AEDT"] = H(11),
        ["NZST"] = H(12), ["NZDT"] = H(13),
    };

    private static readonly string[] MonthNames =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    private static readonly string[] DayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    private static readonly string[] FullMonthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    private static readonly string[] FullDayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    private static readonly HashSet<string> LongerAbbreviations = ["sept", "tues", "thur", "thurs", "weds"];

    private static readonly Dictionary<string, TimeSpan>.AlternateLookup<ReadOnlySpan<char>> ZoneLookup =
        ZoneAbbreviations.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");

    /// <summary>The instant a feed date names; a time without a zone is read in <paramref name="defaultZone"/>. Null when unparsable.</summary>
    public static DateTimeOffset? Parse(string text, TimeZoneInfo defaultZone)
    {
        var value = text.Trim();
        if (value.Length == 0)
            return null;
        // Dispatch on the shape so the common RFC 822 and ISO forms try one pattern, not all of them.
        if (!char.IsAsciiDigit(value[0]))
            return ParseRfc822Like(value, defaultZone);
        if (value.AsSpan().IndexOfAnyExcept(DigitsAndDot) < 0)
            return ParseUnixTime(value) ?? ParseIso(value, defaultZone);
        if (value.Contains('年'))
            return ParseChinese(value, defaultZone);
        if (value.Length >= 5 && char.IsAsciiDigit(value[3]) && char.IsAsciiDigit(value[2]) && char.IsAsciiDigit(value[1]))
            return ParseIso(value, defaultZone) ?? ParseRfc822Like(value, defaultZone);
        return ParseDayFirst(value, defaultZone) ?? ParseRfc822Like(value, defaultZone);
    }

    private static readonly SearchValues<char> DigitsAndDot = SearchValues.Create("0123456789.");

    private static readonly char[] TokenSeparators = [' ', ',', '\t', '\r', '\n', '\u00A0'];

    private static TimeSpan H(int hours) => TimeSpan.FromHours(hours);

    /// <summary>Seconds (9–11 digits) or milliseconds (12–13 digits) since the epoch.</summary>
    private static DateTimeOffset? ParseUnixTime(string value)
    {
        var match = UnixTime().Match(value);
        if (!match.Success)
            return null;
        var whole = long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var fraction = match.Groups[2].Success ? double.Parse("0" + match.Groups[2].Value, CultureInfo.InvariantCulture) : 0;
        return match.Groups[1].Length >= 12
            ? DateTimeOffset.FromUnixTimeMilliseconds(whole)
            : DateTimeOffset.FromUnixTimeMilliseconds(whole * 1000 + (long)Math.Round(fraction * 1000));
    }

    private static DateTimeOffset? ParseIso(string value, TimeZoneInfo zone)
    {
        var match = Iso().Match(value);
        if (!match.Success)
            return null;
        var g = match.Groups;
        var year = Int(g["year"]);
        int month = 1, day = 1;
        if (g["ordinal"].Success)
        {
            var ordinal = Int(g["ordinal"]);
            if (ordinal < 1 || ordinal > (DateTime.IsLeapYear(year) ? 366 : 365))
                return null;
            var date = new DateTime(year, 1, 1).AddDays(ordinal - 1);
            (month, day) = (date.Month, date.Day);
        }
        else
        {
            month = g["month"].Success ? Int(g["month"]) : 1;
            day = g["day"].Success ? Int(g["day"]) : 1;
        }
        var fraction = g["fraction"].Success ? double.Parse("0." + g["fraction"].Value, CultureInfo.InvariantCulture) : 0;
        return Build(year, month, day, Int(g["hour"]), Int(g["minute"]), Int(g["second"]), fraction,
            OffsetOf(g["zone"].Value), zone);
    }

    /// <summary>2024年3月26日 09:42 (also with 时/分/秒 and an optional zone).</summary>
    private static DateTimeOffset? ParseChinese(string value, TimeZoneInfo zone)
    {
        var match = Chinese().Match(value);
        if (!match.Success)
            return null;
        var g = match.Groups;
        var hour = Int(g["hour"]);
        if (g["meridiem"].Value is "下午" or "晚上" && hour < 12)
            hour += 12;
        else if (g["meridiem"].Value is "上午" or "凌晨" && hour == 12)
            hour = 0;
        return Build(Int(g["year"]), Int(g["month"]), Int(g["day"]), hour, Int(g["minute"]), Int(g["second"]), 0,
            OffsetOf(g["zone"].Value), zone);
    }

    /// <summary>26/03/2024 - 09:42, 26.03.2024 09:42; month-first only when the first number cannot be a month day pair otherwise.</summary>
    private static DateTimeOffset? ParseDayFirst(string value, TimeZoneInfo zone)
    {
        var match = DayFirst().Match(value);
        if (!match.Success)
            return null;
        var g = match.Groups;
        var (day, month) = (Int(g["first"]), Int(g["middle"]));
        if (month > 12 && day <= 12)
            (day, month) = (month, day);
        var hour = Int(g["hour"]);
        if (g["meridiem"].Success)
            hour = ApplyMeridiem(hour, g["meridiem"].Value);
        return Build(FullYear(g["year"].Value), month, day, hour, Int(g["minute"]), Int(g["second"]), 0,
            OffsetOf(g["zone"].Value), zone);
    }

    /// <summary>
    /// RFC 822/1123 and relatives, read token by token so that a missing or wrong weekday, missing
    /// seconds, two-digit years, asctime / JavaScript / Java toString orders and named or numeric zones all work.
    /// </summary>
    private static DateTimeOffset? ParseRfc822Like(string value, TimeZoneInfo zone)
    {
        var text = value.Contains('(') ? Comment().Replace(value, " ") : value;
        if (text.Contains('-'))
            text = DashBetweenDayAndMonth().Replace(text, " ");
        int? month = null;
        TimeOfDay? time = null;
        string? meridiem = null;
        TimeSpan? offset = null;
        Span<(int Value, int Digits)> numbers = stackalloc (int, int)[2];
        var numberCount = 0;
        var span = text.AsSpan();
        foreach (var range in span.SplitAny(TokenSeparators))
        {
            var t = span[range];
            if (t.IsEmpty || t is "+" or "-" || IsFillerWord(t) || IndexOfName(DayNames, FullDayNames, t) is not null)
                continue;
            if (char.IsAsciiDigit(t[0]) && t.Contains(':'))
            {
                if (time is not null || ParseTimeOfDay(t) is not { } parsedTime)
                    return null;
                time = parsedTime;
                offset = parsedTime.Offset ?? offset;
            }
            else if (char.IsAsciiDigit(t[0]))
            {
                if (numberCount == 2 || t.Length > 4 || t.ContainsAnyExcept(Digits))
                    return null;
                numbers[numberCount++] = (int.Parse(t, CultureInfo.InvariantCulture), t.Length);
            }
            else if (IsZone(t))
            {
                var isName = ZoneLookup.ContainsKey(t);
                // "GMT+0800 (CST)" or "09:42:00+08:00 GMT": an explicit offset wins over a name next to it.
                if (OffsetOf(t.ToString()) is not { } parsed)
                    return null;
                offset = offset is null || !isName ? parsed : offset;
            }
            else if (month is null && IndexOfName(MonthNames, FullMonthNames, t) is { } m)
                month = m + 1;
            else if (t.ToString().ToUpperInvariant() is "AM" or "PM" or "A.M." or "P.M.")
                meridiem = t.ToString();
            else
                return null;
        }
        if (month is null || numberCount != 2)
            return null;
        // The day is written before the year in every order seen in feeds, unless the first number is clearly a year.
        var (day, year) = numbers[0].Digits >= 3 ? (numbers[1], numbers[0]) : (numbers[0], numbers[1]);
        var hour = time?.Hour ?? 0;
        if (meridiem is not null)
            hour = ApplyMeridiem(hour, meridiem);
        return Build(FullYear(year.Value, year.Digits), month.Value, day.Value, hour, time?.Minute ?? 0, time?.Second ?? 0,
            time?.Fraction ?? 0, offset, zone);
    }

    private readonly record struct TimeOfDay(int Hour, int Minute, int Second, double Fraction, TimeSpan? Offset);

    /// <summary>h:mm[:ss[.fff]] with an optional zone glued on (Z, ±hh:mm, ±hhmm).</summary>
    private static TimeOfDay? ParseTimeOfDay(ReadOnlySpan<char> t)
    {
        var match = TimeOfDayPattern().Match(t.ToString());
        if (!match.Success)
            return null;
        var g = match.Groups;
        return new TimeOfDay(Int(g[1]), Int(g[2]), Int(g[3]),
            g[4].Success ? double.Parse("0." + g[4].Value, CultureInfo.InvariantCulture) : 0,
            g[5].Success ? OffsetOf(g[5].Value) : null);
    }

    private static bool IsZone(ReadOnlySpan<char> t) =>
        ZoneLookup.ContainsKey(t) ||
        t[0] is '+' or '-' && NumericZone().IsMatch(t) ||
        t[0] is 'G' or 'U' or 'g' or 'u' && GmtOffset().IsMatch(t);

    private static bool IsFillerWord(ReadOnlySpan<char> t) => t is "at" or "on" or "of" or "T" or "the";

    private static int ApplyMeridiem(int hour, string meridiem) =>
        meridiem.StartsWith('p') || meridiem.StartsWith('P') ? (hour % 12) + 12 : hour % 12;

    /// <summary>Two-digit years as RFC 2822 and Date.parse read them: below 50 is 20xx, otherwise 19xx.</summary>
    private static int FullYear(int year, int digits) =>
        digits > 2 ? year : year < 50 ? 2000 + year : 1900 + year;

    private static int FullYear(string text) => FullYear(int.Parse(text, CultureInfo.InvariantCulture), text.Length);

    /// <summary>Index of a month or weekday written as its three-letter abbreviation or full name (also "Sept", "Thurs", trailing dot).</summary>
    private static int? IndexOfName(string[] abbreviations, string[] fullNames, ReadOnlySpan<char> token)
    {
        var word = token.TrimEnd('.');
        if (word.Length < 3)
            return null;
        for (var i = 0; i < abbreviations.Length; i++)
        {
            if (!word.StartsWith(abbreviations[i], StringComparison.OrdinalIgnoreCase))
                continue;
            if (word.Length == 3 || word.Equals(fullNames[i], StringComparison.OrdinalIgnoreCase) || LongerAbbreviations.Contains(word.ToString().ToLowerInvariant()))
                return i;
        }
        return null;
    }

    /// <summary>Offset of Z, ±hh, ±hhmm, ±hh:mm, GMT±h[h][:mm] or a named zone; null for "" or unknown.</summary>
    private static TimeSpan? OffsetOf(string zone)
    {
        if (zone.Length == 0)
            return null;
        if (ZoneAbbreviations.TryGetValue(zone, out var named))
            return named;
        var match = GmtOffset().Match(zone);
        if (!match.Success)
            match = NumericZone().Match(zone);
        if (!match.Success)
            return null;
        var digits = match.Groups["digits"].Value.Replace(":", "");
        int hours, minutes = 0;
        if (digits.Length <= 2)
            hours = int.Parse(digits, CultureInfo.InvariantCulture);
        else
        {
            hours = int.Parse(digits[..^2], CultureInfo.InvariantCulture);
            minutes = int.Parse(digits[^2..], CultureInfo.InvariantCulture);
        }
        if (hours > 14 || minutes > 59)
            return null;
        var offset = new TimeSpan(hours, minutes, 0);
        return match.Groups["sign"].Value == "-" ? -offset : offset;
    }

    private static DateTimeOffset? Build(int year, int month, int day, int hour, int minute, int second, double fraction, TimeSpan? offset, TimeZoneInfo zone)
    {
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) ||
            hour > 24 || minute > 59 || second > 60)
            return null;
        // 24:00 is the end of the day and :60 a leap second; both roll over as Date.parse does.
        var local = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified)
            .AddHours(hour).AddMinutes(minute).AddSeconds(second).AddMilliseconds(Math.Round(fraction * 1000));
        var actualOffset = offset ?? zone.GetUtcOffset(local);
        return new DateTimeOffset(local, actualOffset);
    }

    private static int Int(Group group) =>
        group.Success ? int.Parse(group.Value, CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"^(\d{9,13})(\.\d+)?$")]
    private static partial Regex UnixTime();

    [GeneratedRegex(@"^(?<year>\d{4})(?:(?:-(?<ordinal>\d{3}))|(?:[-/]?(?<month>\d{2})(?:[-/]?(?<day>\d{2}))?))?(?:(?:[Tt]|\s+)(?<hour>\d{1,2})(?::?(?<minute>\d{2})(?::?(?<second>\d{2})(?:[.,](?<fraction>\d+))?)?)?)?\s*(?<zone>[Zz]|[+-]\d{2}(?::?\d{2})?|UTC|GMT|UT)?$")]
    private static partial Regex Iso();

    [GeneratedRegex(@"^(?<year>\d{4})\s*年\s*(?<month>\d{1,2})\s*月\s*(?<day>\d{1,2})\s*[日号]?\s*(?:(?<meridiem>上午|下午|凌晨|晚上)?\s*(?<hour>\d{1,2})\s*[:：时點点]\s*(?<minute>\d{1,2})\s*(?:(?:[:：]|分)\s*(?<second>\d{1,2})\s*秒?)?\s*分?)?\s*(?<zone>[A-Za-z]{1,4}|[+-]\d{2}:?\d{2}|(?:GMT|UTC)[+-]\d{1,2}(?::?\d{2})?)?$")]
    private static partial Regex Chinese();

    [GeneratedRegex(@"^(?<first>\d{1,2})[/.\-](?<middle>\d{1,2})[/.\-](?<year>\d{4}|\d{2})(?:\s*(?:-|,|T)?\s*(?<hour>\d{1,2}):(?<minute>\d{2})(?::(?<second>\d{2}))?\s*(?<meridiem>[AaPp][Mm])?)?\s*(?<zone>[A-Za-z]{1,4}|[+-]\d{2}:?\d{2}|(?:GMT|UTC)[+-]\d{1,2}(?::?\d{2})?)?$")]
    private static partial Regex DayFirst();

    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex Comment();

    [GeneratedRegex(@"(?<=\d)-(?=[A-Za-z])|(?<=[A-Za-z])-(?=\d)")]
    private static partial Regex DashBetweenDayAndMonth();

    [GeneratedRegex(@"^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?([Zz]|[+-]\d{2}:?\d{2})?$")]
    private static partial Regex TimeOfDayPattern();

    [GeneratedRegex(@"^(?<sign>[+-])(?<digits>\d{4}|\d{2}:\d{2}|\d{2})$")]
    private static partial Regex NumericZone();

    [GeneratedRegex(@"^(?:GMT|UTC|UT)(?<sign>[+-])(?<digits>\d{1,2}(?::?\d{2})?)$", RegexOptions.IgnoreCase)]
    private static partial Regex GmtOffset();
}

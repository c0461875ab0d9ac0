using System.Globalization;

namespace NewsMirror.Sources;

/// <summary>
/// When an archived article's page is fetched again to see whether the outlet edited, moved or removed it: offsets
/// from the moment it was first archived, shortest first (key <c>probe</c> in newsmirror.yml: a list such as
/// <c>[1h, 1d, 7d]</c>, or <c>off</c>). Decaying, because outlets change or take down most articles early.
/// </summary>
public sealed class ProbeSchedule : IEquatable<ProbeSchedule>
{
    public static readonly ProbeSchedule Default = new([TimeSpan.FromHours(1), TimeSpan.FromHours(6), TimeSpan.FromDays(1),
        TimeSpan.FromDays(3), TimeSpan.FromDays(7), TimeSpan.FromDays(30)]);

    public static readonly ProbeSchedule Off = new([]);

    private ProbeSchedule(IReadOnlyList<TimeSpan> offsets) => Offsets = offsets;

    /// <summary>Ascending, distinct, all positive; empty when probing is off.</summary>
    public IReadOnlyList<TimeSpan> Offsets { get; }

    public bool IsOff => Offsets.Count == 0;

    /// <summary>From the key's values: <c>off</c> alone, or durations such as 90m, 1h, 1d, 2w.</summary>
    /// <exception cref="FormatException">Names the value that is not a duration.</exception>
    public static ProbeSchedule Parse(IReadOnlyList<string> values)
    {
        if (values.Count == 1 && values[0].Trim() is "off" or "false" or "none") return Off;
        if (values.Count == 0) throw new FormatException("expected off or a list of durations such as [1h, 1d, 7d]");
        var offsets = values.Select(ParseDuration).Distinct().Order().ToList();
        return new ProbeSchedule(offsets);
    }

    /// <summary>The value <see cref="Parse"/> reads back.</summary>
    public string Keyword => IsOff ? "off" : "[" + string.Join(", ", Offsets.Select(Format)) + "]";

    private static TimeSpan ParseDuration(string text)
    {
        var value = text.Trim();
        var unit = value.Length > 0 ? value[^1] : ' ';
        TimeSpan? scale = unit switch
        {
            's' => TimeSpan.FromSeconds(1),
            'm' => TimeSpan.FromMinutes(1),
            'h' => TimeSpan.FromHours(1),
            'd' => TimeSpan.FromDays(1),
            'w' => TimeSpan.FromDays(7),
            _ => null,
        };
        if (scale is null || !int.TryParse(value.AsSpan(0, value.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count <= 0)
            throw new FormatException($"'{text}' is not a duration (a positive whole number and s, m, h, d or w: 90m, 6h, 7d), nor off");
        return scale.Value * count;
    }

    private static string Format(TimeSpan offset) => offset switch
    {
        _ when offset.TotalDays >= 1 && offset.Ticks % TimeSpan.TicksPerDay == 0 => $"{(long)offset.TotalDays}d",
        _ when offset.Ticks % TimeSpan.TicksPerHour == 0 => $"{(long)offset.TotalHours}h",
        _ when offset.Ticks % TimeSpan.TicksPerMinute == 0 => $"{(long)offset.TotalMinutes}m",
        _ => $"{(long)offset.TotalSeconds}s",
    };

    public bool Equals(ProbeSchedule? other) => other is not null && Offsets.SequenceEqual(other.Offsets);
    public override bool Equals(object? obj) => Equals(obj as ProbeSchedule);
    public override int GetHashCode() => Offsets.Count == 0 ? 0 : HashCode.Combine(Offsets.Count, Offsets[0], Offsets[^1]);
    public override string ToString() => Keyword;
}

using System.Globalization;

namespace NewsMirror.Bench.Commands;

/// <summary>Median and range of repeated measurements, as the report prints them.</summary>
internal sealed record Spread(double Median, double Min, double Max, int Count)
{
    public static Spread Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return new Spread(double.NaN, double.NaN, double.NaN, 0);
        double median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        return new Spread(median, sorted[0], sorted[^1], sorted.Length);
    }

    /// <summary>The value at <paramref name="fraction"/> of the sorted values (nearest rank), e.g. 0.99 for p99.</summary>
    public static double Percentile(IReadOnlyCollection<double> values, double fraction)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(sorted.Length * fraction) - 1, 0, sorted.Length - 1)];
    }

    public string Format(string unit, string number = "0.00") =>
        string.Create(CultureInfo.InvariantCulture, $"{Median.ToString(number, CultureInfo.InvariantCulture)} {unit} ({Min.ToString(number, CultureInfo.InvariantCulture)}–{Max.ToString(number, CultureInfo.InvariantCulture)}, n={Count})");
}

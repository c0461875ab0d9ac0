using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsMirror.Cli.Commands;

/// <summary>Options taking a duration written as a number and a unit, or several: <c>90s</c>, <c>15m</c>, <c>1h</c>, <c>1h30m</c>, <c>2d</c>.</summary>
internal static partial class DurationOption
{
    public static Option<TimeSpan> Create(string name, string description, TimeSpan defaultValue) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (TryParse(text, out var duration)) return duration;
            result.AddError($"{name}: '{text}' is not a duration such as 90s, 15m, 1h or 1h30m");
            return default;
        },
    };

    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var match = Parts().Match(text.Trim());
        if (!match.Success) return false;
        foreach (Capture part in match.Groups["part"].Captures)
        {
            var unit = part.Value[^1];
            var amount = double.Parse(part.Value[..^1], CultureInfo.InvariantCulture);
            duration += unit switch
            {
                's' => TimeSpan.FromSeconds(amount),
                'm' => TimeSpan.FromMinutes(amount),
                'h' => TimeSpan.FromHours(amount),
                _ => TimeSpan.FromDays(amount),
            };
        }
        return true;
    }

    [GeneratedRegex(@"^(?<part>\d+(\.\d+)?[smhd])+$")]
    private static partial Regex Parts();
}

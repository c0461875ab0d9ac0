using System.CommandLine;
using System.Globalization;

namespace NewsMirror.Cli.Commands;

/// <summary>Options taking a count of at least 1 (<c>--max-sources 2</c>): anything else is a usage error naming the option and the value.</summary>
internal static class CountOption
{
    public static Option<int?> Create(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count >= 1) return count;
            result.AddError($"{name}: '{text}' is not a whole number of at least 1");
            return null;
        },
    };
}

using System.Text.RegularExpressions;

namespace NewsMirror.Selection;

/// <summary>The compiled patterns of one item field; any of them may match. A pattern that runs out of time counts as no match.</summary>
internal sealed class FieldPattern
{
    /// <summary>
    /// Bounds each match of the backtracking engine so that a hostile pattern or text cannot hang a run. The
    /// non-backtracking engine needs no bound: it is linear in the text, and a wall-clock limit there only made
    /// the verdict depend on how busy the machine was (a simple include rule "timed out" under load).
    /// </summary>
    internal static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);

    private readonly Regex[] _patterns;

    public string Field { get; }

    private FieldPattern(string field, Regex[] patterns)
    {
        Field = field;
        _patterns = patterns;
    }

    /// <summary>null when <paramref name="patterns"/> is empty. Throws <see cref="ArgumentException"/> naming the field on an invalid pattern.</summary>
    public static FieldPattern? Compile(string field, IReadOnlyList<string> patterns)
    {
        if (patterns.Count == 0) return null;
        return new FieldPattern(field, patterns.Select(p => CompileOne(field, p)).ToArray());
    }

    /// <summary>True when any pattern matches any of <paramref name="values"/>; <paramref name="timedOut"/> tells whether a match was cut short.</summary>
    public bool Matches(IEnumerable<string> values, out bool timedOut)
    {
        timedOut = false;
        foreach (var value in values)
        {
            foreach (var pattern in _patterns)
            {
                try
                {
                    if (pattern.IsMatch(value)) return true;
                }
                catch (RegexMatchTimeoutException)
                {
                    timedOut = true;
                }
            }
        }
        return false;
    }

    private static Regex CompileOne(string field, string pattern)
    {
        try
        {
            return Build(pattern);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"Invalid {field} pattern \"{pattern}\": {e.Message}", e);
        }
    }

    private static Regex Build(string pattern)
    {
        const RegexOptions options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
        try
        {
            // The non-backtracking engine runs in linear time; patterns it cannot run (back-references,
            // look-arounds) fall back to the classic engine, which the timeout bounds.
            return new Regex(pattern, options | RegexOptions.NonBacktracking, Regex.InfiniteMatchTimeout);
        }
        catch (NotSupportedException)
        {
            return new Regex(pattern, options, MatchTimeout);
        }
    }
}

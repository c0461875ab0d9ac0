using NewsMirror.Feeds;
using NewsMirror.Sources;

namespace NewsMirror.Selection;

/// <summary>
/// A source's item filter, compiled once: the built-in category rule, then the include rule (every given
/// field must match), then the exclude rule (no field may match). Runs before any page is fetched.
/// </summary>
public sealed class ItemFilter
{
    private readonly CategoryRule _categoryRule;
    private readonly BodyField _bodyField;
    private readonly FieldPattern[] _include;
    private readonly FieldPattern[] _exclude;

    private ItemFilter(SourceConfig source)
    {
        _categoryRule = source.Categories;
        _bodyField = source.Body;
        _include = Compile(source.Include);
        _exclude = Compile(source.Exclude);
    }

    /// <summary>Throws <see cref="ArgumentException"/> when a pattern of the source does not compile.</summary>
    public static ItemFilter For(SourceConfig source) => new(source);

    public FilterVerdict Check(FeedItem item)
    {
        if (_categoryRule == CategoryRule.SymbolOrEmoji && !item.Categories.Any(CategorySymbols.ContainsSymbolOrEmoji))
            return FilterVerdict.Dropped("no category with a symbol or emoji");

        var fields = new ItemFields(item, _bodyField);
        foreach (var pattern in _include)
        {
            if (!pattern.Matches(fields.Values(pattern.Field), out var timedOut))
                return FilterVerdict.Dropped($"{pattern.Field} does not match the include rule{TimeoutNote(timedOut)}");
        }
        foreach (var pattern in _exclude)
        {
            if (pattern.Matches(fields.Values(pattern.Field), out _))
                return FilterVerdict.Dropped($"{pattern.Field} matches the exclude rule");
        }
        return FilterVerdict.Kept;
    }

    private static string TimeoutNote(bool timedOut) => timedOut ? " (a pattern timed out)" : string.Empty;

    private static FieldPattern[] Compile(ItemPatterns? patterns)
    {
        if (patterns is null) return [];
        return new[]
        {
            FieldPattern.Compile(ItemFields.Title, patterns.Title),
            FieldPattern.Compile(ItemFields.Categories, patterns.Categories),
            FieldPattern.Compile(ItemFields.Author, patterns.Author),
            FieldPattern.Compile(ItemFields.Link, patterns.Link),
            FieldPattern.Compile(ItemFields.Body, patterns.Body),
        }.OfType<FieldPattern>().ToArray();
    }
}

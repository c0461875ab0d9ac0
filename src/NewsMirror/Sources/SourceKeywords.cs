using NewsMirror.Bodies;
using NewsMirror.Selection;

namespace NewsMirror.Sources;

/// <summary>
/// The keywords of the sources file's choice keys and the values they stand for: one table each, used to read the
/// file, to write it back, and for the command line's choices and help.
/// </summary>
public static class SourceKeywords
{
    public static readonly KeywordTable<BodyField> Body = new(("auto", BodyField.Auto), ("description", BodyField.Description), ("content", BodyField.Content));
    public static readonly KeywordTable<LinkField> Link = new(("link", LinkField.Link), ("guid", LinkField.Guid));
    public static readonly KeywordTable<IdScheme> Ids = new(("countdown", IdScheme.Countdown), ("wordpress-post", IdScheme.WordPressPost));
    public static readonly KeywordTable<CategoryRule> Categories = new(("any", CategoryRule.Any), ("symbol-or-emoji", CategoryRule.SymbolOrEmoji));
    public static readonly KeywordTable<CleanupMode> Cleanup = new(("default", CleanupMode.Default), ("none", CleanupMode.None));
    public static readonly KeywordTable<ImageMode> Images = new(("keep", ImageMode.Keep), ("proxy", ImageMode.Proxy), ("localize", ImageMode.Localize));
    public static readonly KeywordTable<ChangePolicy> OnChange = new(("ignore", ChangePolicy.Ignore), ("update", ChangePolicy.Update));

    /// <summary>Yes/no keys (<c>enabled</c>, <c>allow-private</c>); written as true/false.</summary>
    public static readonly KeywordTable<bool> Switch = new(("true", true), ("false", false), ("yes", true), ("no", false));
}

/// <summary>Keywords and the values they stand for; the first keyword of a value is the one written.</summary>
public sealed class KeywordTable<T>(params (string Keyword, T Value)[] entries) where T : notnull
{
    /// <summary>Every keyword, in the table's order (for "one of: …" messages and command-line choices).</summary>
    public IReadOnlyList<string> Keywords { get; } = entries.Select(e => e.Keyword).ToArray();

    /// <summary>The value of <paramref name="keyword"/>, in any letter case.</summary>
    /// <exception cref="FormatException">Not one of the keywords.</exception>
    public T Parse(string keyword)
    {
        foreach (var (text, value) in entries)
            if (string.Equals(keyword, text, StringComparison.OrdinalIgnoreCase)) return value;
        throw new FormatException($"'{keyword}' is not one of: {string.Join(" | ", Keywords)}");
    }

    /// <summary>The keyword written for <paramref name="value"/>.</summary>
    public string Keyword(T value) => entries.First(e => EqualityComparer<T>.Default.Equals(e.Value, value)).Keyword;
}

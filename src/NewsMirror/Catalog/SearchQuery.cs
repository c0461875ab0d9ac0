using System.Text;

namespace NewsMirror.Catalog;

/// <summary>
/// A user's query as terms: each run of CJK characters is one term (matched as a phrase of characters), each
/// Latin-script word another; every term must match. Punctuation and FTS5 operators in the input are plain text.
/// </summary>
public sealed class SearchQuery
{
    private SearchQuery(IReadOnlyList<SearchTerm> terms) => Terms = terms;

    public IReadOnlyList<SearchTerm> Terms { get; }

    public static SearchQuery Parse(string query)
    {
        var terms = new List<SearchTerm>();
        var current = new StringBuilder();
        bool? currentCjk = null;
        void Flush()
        {
            // A "word" of combining marks alone folds to nothing: no term.
            if (current.Length > 0 && SearchText.ForIndex(current.ToString()).Length > 0) terms.Add(new SearchTerm(current.ToString(), currentCjk == true));
            current.Clear();
            currentCjk = null;
        }
        foreach (var rune in SearchText.Normalize(query).EnumerateRunes())
        {
            bool cjk = SearchText.IsCjk(rune);
            if (!cjk && !SearchText.IsWordCharacter(rune)) { Flush(); continue; }
            if (currentCjk is { } kind && kind != cjk) Flush();
            current.Append(rune);
            currentCjk = cjk;
        }
        Flush();
        return new SearchQuery(terms);
    }

    /// <summary>The FTS5 MATCH expression: each term a quoted phrase in its columns, all of them required.</summary>
    public string ToMatch() => string.Join(" ", Terms.Select(t => t.ToPhrase()));
}

/// <summary>One term of a query, normalised (lower case, simplified).</summary>
public sealed record SearchTerm(string Text, bool IsCjk)
{
    /// <summary>
    /// The index tokens the term stands for, all required: a word or a single CJK character is one token; a longer
    /// CJK run is its adjacent pairs, in order (the reading site looks these up in its own index too).
    /// </summary>
    public IReadOnlyList<string> Keys()
    {
        var runes = Text.EnumerateRunes().Select(r => r.ToString()).ToList();
        if (!IsCjk || runes.Count == 1) return [SearchText.ForIndex(Text).Trim()];
        return Enumerable.Range(0, runes.Count - 1).Select(i => runes[i] + runes[i + 1]).ToList();
    }

    /// <summary>A word or a single CJK character is looked up in the token columns; longer CJK runs as a phrase of their pairs.</summary>
    /// <param name="titleOnly">Only in the title's columns.</param>
    public string ToPhrase(bool titleOnly = false)
    {
        var phrase = Quote(string.Join(" ", Keys()));
        if (!IsCjk || Text.EnumerateRunes().Count() == 1) return (titleOnly ? "{title} : " : "{title body} : ") + phrase;
        return (titleOnly ? "{title_pairs} : " : "{title_pairs body_pairs} : ") + phrase;
    }

    private static string Quote(string text) => "\"" + text.Replace("\"", "\"\"") + "\"";
}

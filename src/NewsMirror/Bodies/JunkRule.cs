using AngleSharp.Dom;

namespace NewsMirror.Bodies;

/// <summary>A named way of finding junk (share bars, adverts, promos) in a body; every element it finds is removed.</summary>
public sealed class JunkRule
{
    private readonly Func<IElement, IEnumerable<IElement>> _find;

    public string Name { get; }

    private JunkRule(string name, Func<IElement, IEnumerable<IElement>> find)
    {
        Name = name;
        _find = find;
    }

    /// <summary>A rule removing every element that matches a CSS selector. Throws <see cref="ArgumentException"/> on an invalid selector.</summary>
    public static JunkRule Selector(string name, string selector)
    {
        try
        {
            HtmlFragment.Parse(string.Empty).QuerySelector(selector);
        }
        catch (DomException e)
        {
            throw new ArgumentException($"Invalid CSS selector \"{selector}\": {e.Message}", e);
        }
        return new JunkRule(name, root => root.QuerySelectorAll(selector));
    }

    /// <summary>A rule removing the elements, among those matching <paramref name="selector"/>, that pass <paramref name="isJunk"/>.</summary>
    internal static JunkRule Where(string name, string selector, Func<IElement, bool> isJunk) =>
        new(name, root => root.QuerySelectorAll(selector).Where(isJunk));

    internal static JunkRule Custom(string name, Func<IElement, IEnumerable<IElement>> find) => new(name, find);

    /// <summary>Removes what the rule finds under <paramref name="root"/>; returns how many elements went.</summary>
    internal int RemoveFrom(IElement root)
    {
        var found = _find(root).ToArray();
        foreach (var element in found) element.Remove();
        return found.Length;
    }

    public override string ToString() => Name;
}

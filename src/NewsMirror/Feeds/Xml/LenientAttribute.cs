namespace NewsMirror.Feeds.Xml;

/// <summary>An attribute as written: qualified name and entity-decoded value.</summary>
internal readonly record struct LenientAttribute(string Name, string Value)
{
    /// <summary>The name without its prefix, as a view of <see cref="Name"/>.</summary>
    public ReadOnlySpan<char> LocalName => Name.AsSpan(Name.IndexOf(':') + 1);
}

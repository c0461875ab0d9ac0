namespace NewsMirror.Urls;

/// <summary>One candidate of a <c>srcset</c>: the URL and its descriptor as written ("640w", "2x" or empty).</summary>
internal sealed record SrcsetCandidate(string Url, string Descriptor)
{
    /// <summary>Width for "w" descriptors, density × 1 000 000 for "x" ones, so that either orders candidates.</summary>
    public double Size
    {
        get
        {
            if (Descriptor.Length < 2) return 0;
            var number = Descriptor[..^1];
            if (!double.TryParse(number, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value)) return 0;
            return char.ToLowerInvariant(Descriptor[^1]) switch
            {
                'w' => value,
                'x' => value * 1_000_000,
                _ => 0,
            };
        }
    }
}

/// <summary>Reading and rewriting <c>srcset</c> values.</summary>
internal static class Srcset
{
    public static IReadOnlyList<SrcsetCandidate> Parse(string? srcset)
    {
        var candidates = new List<SrcsetCandidate>();
        if (string.IsNullOrWhiteSpace(srcset)) return candidates;
        var i = 0;
        while (i < srcset.Length)
        {
            while (i < srcset.Length && (char.IsWhiteSpace(srcset[i]) || srcset[i] == ',')) i++;
            var start = i;
            while (i < srcset.Length && !char.IsWhiteSpace(srcset[i])) i++;
            if (start == i) break;
            var url = srcset[start..i];
            var descriptor = string.Empty;
            if (url.EndsWith(','))
            {
                url = url.TrimEnd(',');
            }
            else
            {
                var descriptorStart = i;
                while (i < srcset.Length && srcset[i] != ',') i++;
                descriptor = srcset[descriptorStart..i].Trim();
            }
            if (url.Length > 0) candidates.Add(new SrcsetCandidate(url, descriptor));
        }
        return candidates;
    }

    /// <summary>The largest candidate's URL (by width or density), or null when there is none.</summary>
    public static string? Best(string? srcset)
    {
        var candidates = Parse(srcset);
        return candidates.Count == 0 ? null : candidates.MaxBy(c => c.Size)!.Url;
    }

    public static string Rewrite(string srcset, Func<string, string> rewriteUrl) =>
        string.Join(", ", Parse(srcset).Select(c => c.Descriptor.Length == 0 ? rewriteUrl(c.Url) : $"{rewriteUrl(c.Url)} {c.Descriptor}"));
}

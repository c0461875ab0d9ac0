namespace NewsMirror.Bodies;

/// <summary>Removes click-tracking query parameters from links, leaving every other byte of the URL as written.</summary>
public static class TrackingParameters
{
    private static readonly HashSet<string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "ttclid", "li_fat_id",
        "mc_cid", "mc_eid", "igshid", "igsh", "spm", "scm", "_hsenc", "_hsmi", "mkt_tok", "vero_id", "vero_conv",
        "oly_anon_id", "oly_enc_id", "rb_clickid", "s_cid", "ref_src", "ref_url", "xtor", "at_medium", "at_campaign",
        "at_custom1", "at_custom2", "at_custom3", "at_custom4", "ocid", "cmpid", "share_source", "wt_mc", "wt.mc_id",
    };

    /// <summary>True for <c>utm_*</c> and the other known tracking parameter names.</summary>
    public static bool IsTracking(string name) =>
        name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase) || Names.Contains(name);

    public static string Strip(string url)
    {
        var queryStart = url.IndexOf('?');
        if (queryStart < 0) return url;
        var fragmentStart = url.IndexOf('#', queryStart);
        var queryEnd = fragmentStart < 0 ? url.Length : fragmentStart;
        var pairs = url[(queryStart + 1)..queryEnd].Split('&');
        var kept = pairs.Where(pair => !IsTracking(Uri.UnescapeDataString(NameOf(pair)))).ToArray();
        if (kept.Length == pairs.Length) return url;
        var query = string.Join('&', kept.Where(p => p.Length > 0));
        return url[..queryStart] + (query.Length > 0 ? "?" + query : string.Empty) + url[queryEnd..];
    }

    private static string NameOf(string pair)
    {
        var equals = pair.IndexOf('=');
        return equals < 0 ? pair : pair[..equals];
    }
}

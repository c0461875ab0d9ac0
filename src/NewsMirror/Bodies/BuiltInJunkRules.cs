using AngleSharp.Dom;

namespace NewsMirror.Bodies;

/// <summary>
/// Junk removal rules for the reference archive's outlets, keyed by archive folder (current and legacy
/// names), found in real archived bodies. Each rule only targets blocks without article text.
/// </summary>
public static class BuiltInJunkRules
{
    /// <summary>The feed proxy's footer: <c>&lt;br&gt;&lt;hr&gt;&lt;div&gt;获取更多RSS：…feedx links…&lt;/div&gt;</c>.</summary>
    public static readonly JunkRule FeedProxyFooter = JunkRule.Custom("feed-proxy-footer", FeedProxyFooterParts);

    /// <summary>The AddToAny share bar of WordPress sites.</summary>
    public static readonly JunkRule AddToAny = JunkRule.Selector("addtoany", ".addtoany_share_save_container, .a2a_kit, .addtoany_share");

    /// <summary>Share widgets of Vue-based pages (<c>&lt;share-button&gt;</c>, <c>&lt;share-modal&gt;</c>).</summary>
    public static readonly JunkRule ShareWidgets = JunkRule.Selector("share-widgets", "share-button, share-modal, [data-root-share]");

    /// <summary>RFI's newsletter and app promotion slots, empty in feed copies.</summary>
    public static readonly JunkRule SelfPromo = JunkRule.Where(
        "self-promo", "[data-selfpromo-newsletter], [data-selfpromo-app], .o-self-promo", e => IsTextless(e));

    /// <summary>RFI's "分享 :" block of share links.</summary>
    public static readonly JunkRule RfiShareBlock = JunkRule.Where(
        "rfi-share-block", "div", e => IsShareLabel(CompactText(e)) && e.Children.Any(c => IsShareLabel(CompactText(c))));

    /// <summary>BBC advert slots.</summary>
    public static readonly JunkRule BbcAdverts = JunkRule.Selector("bbc-adverts", "[data-e2e=advertisement], .dotcom-ad, #dotcom-mpu");

    /// <summary>BBC's screen-reader links around embeds ("跳过 Twitter 帖子, 1" / "结尾 Twitter 帖子, 1").</summary>
    public static readonly JunkRule BbcSkipLinks = JunkRule.Where(
        "bbc-skip-links", "a[href^='#skip-'], a[href^='#end-of-'], p[id^='skip-'], p[id^='end-of-']",
        e => CompactText(e) is var t && (t.StartsWith("跳过", StringComparison.Ordinal) || t.StartsWith("结尾", StringComparison.Ordinal) || t.StartsWith("Skip", StringComparison.OrdinalIgnoreCase) || t.StartsWith("End of", StringComparison.OrdinalIgnoreCase)));

    /// <summary>Empty placeholders of BBC's lazy loader.</summary>
    public static readonly JunkRule BbcLazyPlaceholders = JunkRule.Where("bbc-lazy-placeholders", ".lazyload-placeholder", e => IsTextless(e));

    /// <summary>FT Chinese in-article advert slots.</summary>
    public static readonly JunkRule FtAdverts = JunkRule.Where("ft-adverts", ".o-ads, [data-o-ads-name]", e => IsTextless(e));

    /// <summary>FT Chinese's "来自FT中文网的温馨提示" app download notice.</summary>
    public static readonly JunkRule FtAppPromo = JunkRule.Where(
        "ft-app-promo", "div", e => e.Children.Length == 0 && CompactText(e).StartsWith("来自FT中文网的温馨提示", StringComparison.Ordinal));

    /// <summary>RFA's image zoom button (an icon link repeating the caption in an attribute).</summary>
    public static readonly JunkRule RfaZoomButton = JunkRule.Where("rfa-zoom-button", "#zoomattribute", e => IsTextless(e));

    /// <summary>Rules every default cleanup applies: proxy footers and share bars turn up in any outlet's feed.</summary>
    public static readonly IReadOnlyList<JunkRule> Common = [FeedProxyFooter, AddToAny, ShareWidgets, SelfPromo];

    private static readonly Dictionary<string, IReadOnlyList<JunkRule>> ByOutlet = new(StringComparer.OrdinalIgnoreCase)
    {
        ["rfi"] = [RfiShareBlock],
        ["bbc"] = [BbcAdverts, BbcSkipLinks, BbcLazyPlaceholders],
        ["ft"] = [FtAdverts, FtAppPromo],
        ["rfa"] = [RfaZoomButton],
        ["dw"] = [],
        ["voa"] = [],
        ["nyt"] = [],
        ["reuters"] = [],
        ["cdt"] = [],
    };

    private static readonly Dictionary<string, string> LegacyFolders = new(StringComparer.Ordinal)
    {
        ["法广"] = "rfi", ["德国之声"] = "dw", ["BBC"] = "bbc", ["美国之音"] = "voa", ["纽约时报"] = "nyt",
        ["金融时报"] = "ft", ["路透"] = "reuters", ["自由亚洲电台"] = "rfa", ["中国数字时代"] = "cdt",
    };

    /// <summary>The outlets that have built-in rules, by their current folder names.</summary>
    public static IEnumerable<string> Outlets => ByOutlet.Keys;

    /// <summary>The common rules plus those of the outlet archived in <paramref name="folder"/>.</summary>
    public static IReadOnlyList<JunkRule> For(string folder)
    {
        var outlet = LegacyFolders.GetValueOrDefault(folder, folder);
        return [.. Common, .. ByOutlet.GetValueOrDefault(outlet, [])];
    }

    private const string FeedProxyLabel = "获取更多RSS";

    private static IEnumerable<IElement> FeedProxyFooterParts(IElement root)
    {
        foreach (var footer in root.QuerySelectorAll("div").Where(IsFeedProxyFooter).ToArray())
        {
            var before = footer.PreviousElementSibling;
            if (before?.LocalName == "hr")
            {
                var lineBreak = before.PreviousElementSibling;
                if (lineBreak?.LocalName == "br" && IsOnlyWhiteSpaceBetween(lineBreak, before)) yield return lineBreak;
                if (IsOnlyWhiteSpaceBetween(before, footer)) yield return before;
            }
            yield return footer;
        }
    }

    private static bool IsFeedProxyFooter(IElement div)
    {
        // The text first: it rejects nearly every div before its links are looked at.
        var text = CompactText(div);
        if (!text.StartsWith(FeedProxyLabel, StringComparison.Ordinal)) return false;
        var links = div.QuerySelectorAll("a").ToArray();
        return links.Length > 0
            && links.All(a => Uri.TryCreate(a.GetAttribute("href"), UriKind.Absolute, out var u) && u.Host.StartsWith("feedx.", StringComparison.OrdinalIgnoreCase))
            && text == FeedProxyLabel + "：" + string.Concat(links.Select(CompactText));
    }

    private static bool IsOnlyWhiteSpaceBetween(INode first, INode second)
    {
        for (var node = first.NextSibling; node is not null && node != second; node = node.NextSibling)
        {
            if (node is not IText text || !string.IsNullOrWhiteSpace(text.Data)) return false;
        }
        return true;
    }

    private static bool IsShareLabel(string text) => text is "分享:" or "分享：" or "Share:" or "Partager:";

    private static bool IsTextless(IElement element) => CompactText(element).Length == 0;

    /// <summary>The element's text without any white space, for comparing short labels.</summary>
    private static string CompactText(IElement element) => string.Concat(HtmlText.Of(element).Where(c => !char.IsWhiteSpace(c)));
}

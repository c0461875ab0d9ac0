using AngleSharp.Dom;
using NewsMirror.Urls;

namespace NewsMirror.Bodies;

/// <summary>Finds images that exist only to report a view: 1×1 images and images from known beacon hosts.</summary>
internal static class TrackingPixels
{
    private static readonly string[] BeaconHosts =
    [
        "pixel.wp.com", "stats.wp.com", "google-analytics.com", "stats.g.doubleclick.net", "ad.doubleclick.net",
        "pixel.quantserve.com", "scorecardresearch.com", "bat.bing.com", "hm.baidu.com", "c.statcounter.com",
        "counter.yadro.ru", "analytics.twitter.com", "pixel.mathtag.com", "imrworldwide.com", "pi.feedsportal.com",
        "feeds.feedblitz.com", "pixel.tapad.com", "sb.scorecardresearch.com", "cnzz.com", "tongji.baidu.com",
    ];

    private static readonly string[] BeaconPaths = ["/~r/", "/~ff/", "/__utm.gif", "/facebook.com/tr", "/pixel.gif", "/1x1.gif", "/beacon"];

    public static bool IsPixel(IElement image, Uri? baseUrl)
    {
        if (IsAtMostOnePixel(image.GetAttribute("width")) && IsAtMostOnePixel(image.GetAttribute("height"))) return true;
        var src = image.GetAttribute("src");
        if (src is null) return false;
        var url = UrlText.AbsoluteHttp(src, baseUrl);
        if (url is null) return false;
        if (BeaconHosts.Any(h => UrlText.IsHostOrSubdomain(url.Host, h))) return true;
        var hostAndPath = "/" + url.Host + url.AbsolutePath;
        return BeaconPaths.Any(p => hostAndPath.Contains(p, StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsAtMostOnePixel(string? size)
    {
        var digits = size?.Trim().TrimEnd('x', 'p').Trim();
        return int.TryParse(digits, out var pixels) && pixels <= 1;
    }
}

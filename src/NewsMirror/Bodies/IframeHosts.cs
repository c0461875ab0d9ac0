using NewsMirror.Urls;
namespace NewsMirror.Bodies;

/// <summary>The embed hosts whose iframes survive cleanup: video and audio players a reader expects to see.</summary>
public static class IframeHosts
{
    public static readonly IReadOnlyList<string> BuiltIn =
    [
        "youtube.com", "youtube-nocookie.com", "player.vimeo.com", "dailymotion.com", "player.bilibili.com",
        "player.youku.com", "v.qq.com", "embed.ted.com", "w.soundcloud.com", "open.spotify.com", "streamable.com",
        "players.brightcove.net", "player.twitch.tv", "rumble.com", "archive.org",
    ];

    /// <summary>True when <paramref name="src"/> is an http(s) URL on a built-in or <paramref name="extraHosts"/> host (or a subdomain).</summary>
    public static bool Allows(string? src, IReadOnlyList<string> extraHosts, Uri? baseUrl)
    {
        if (string.IsNullOrWhiteSpace(src)) return false;
        var url = UrlText.AbsoluteHttp(src, baseUrl);
        return url is not null && BuiltIn.Concat(extraHosts).Any(h => UrlText.IsHostOrSubdomain(url.Host, h));
    }
}

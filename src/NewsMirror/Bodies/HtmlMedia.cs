namespace NewsMirror.Bodies;

/// <summary>The media of an HTML body: what a reader sees besides text.</summary>
public static class HtmlMedia
{
    private const string Media = "img, video, audio, iframe, embed, object, svg";

    /// <summary>Images (tracking pixels left out), video, audio, embedded frames and figures holding none of these.</summary>
    public static int Count(string? html)
    {
        if (string.IsNullOrWhiteSpace(html)) return 0;
        return Count(HtmlFragment.Parse(html));
    }

    /// <summary><see cref="Count(string?)"/> of a body already parsed (<see cref="HtmlFragment.Parse"/>).</summary>
    internal static int Count(AngleSharp.Dom.IElement root)
    {
        var media = root.QuerySelectorAll(Media).Count(e => e.LocalName != "img" || !TrackingPixels.IsPixel(e, null));
        return media + root.QuerySelectorAll("figure").Count(f => f.QuerySelector(Media) is null);
    }
}

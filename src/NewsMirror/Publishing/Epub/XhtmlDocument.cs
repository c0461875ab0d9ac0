using System.Text;

namespace NewsMirror.Publishing.Epub;

/// <summary>The frame every XHTML document of the book shares: declaration, namespaces, language, title, stylesheet.</summary>
internal static class XhtmlDocument
{
    public const string Stylesheet = "style.css";

    public static string Render(string language, string title, string body)
    {
        var lang = XmlText.Escape(language);
        return new StringBuilder()
            .Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n")
            .Append("<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" xml:lang=\"")
            .Append(lang).Append("\" lang=\"").Append(lang).Append("\">\n<head>\n<title>").Append(XmlText.Escape(title))
            .Append("</title>\n<link rel=\"stylesheet\" type=\"text/css\" href=\"").Append(Stylesheet).Append("\"/>\n</head>\n<body>\n")
            .Append(body)
            .Append("</body>\n</html>\n")
            .ToString();
    }

    /// <summary>Left to the reader: fonts (CJK ones above all), sizes and colours; only images are kept within the page.</summary>
    public const string StylesheetContent = """
        img { max-width: 100%; height: auto; }
        .meta { font-size: 0.85em; }
        nav ol { list-style: none; }

        """;
}

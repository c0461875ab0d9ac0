using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NewsMirror.Bodies;

namespace NewsMirror.Cli.Commands;

/// <summary>The extract command's JSON object, written by hand so that it needs no reflection.</summary>
internal static class ArticleJson
{
    // Relaxed escaping keeps Chinese text and HTML markup readable; the output is never embedded in a page.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(ExtractedArticle article)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            writer.WriteString("title", article.Title);
            writer.WriteString("byline", article.Byline);
            writer.WriteString("excerpt", article.Excerpt);
            writer.WriteString("siteName", article.SiteName);
            writer.WriteString("lang", article.Language);
            writer.WriteString("content", article.Content);
            writer.WriteNumber("textLength", article.TextLength);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}

using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NewsMirror.Feeds;
using NewsMirror.Selection;

namespace NewsMirror.Cli.FeedInspection;

/// <summary>
/// The machine-readable form of a parsed feed: one JSON object, times in ISO 8601 UTC, absent values
/// null, non-ASCII text written as-is. Each item carries <c>skip</c>: null when a run would archive it,
/// else the reason the run's warning gives.
/// </summary>
internal static class FeedJsonReport
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <param name="verdicts">Selection's verdict for each item, in document order.</param>
    /// <param name="body">What is written for an item's summary and content: as parsed, or as the archive would store them.</param>
    public static string Render(FeedDocument feed, IReadOnlyList<ItemVerdict> verdicts, Func<ItemVerdict, string?, string?> body)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("format", feed.Format);
            json.WriteString("title", feed.Title);
            json.WriteString("link", feed.Link);
            json.WriteString("description", feed.Description);
            json.WriteString("language", feed.Language);
            json.WriteString("updated", Time(feed.Updated));
            json.WriteString("author", feed.Author);
            WritePerson(json, "authorDetail", feed.AuthorDetail);
            WriteStrings(json, "errors", feed.Errors);
            json.WriteStartArray("items");
            foreach (var verdict in verdicts)
                WriteItem(json, verdict, body);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>ISO 8601 in UTC ending in Z, with milliseconds only when there are some.</summary>
    public static string? Time(DateTimeOffset? time) =>
        time?.UtcDateTime.ToString(time.Value.Millisecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static void WriteItem(Utf8JsonWriter json, ItemVerdict verdict, Func<ItemVerdict, string?, string?> body)
    {
        var item = verdict.Item;
        json.WriteStartObject();
        json.WriteString("id", item.Id);
        json.WriteString("title", item.Title);
        json.WriteString("link", item.Link);
        json.WriteString("published", Time(item.Published));
        json.WriteString("updated", Time(item.Updated));
        json.WriteString("author", item.Author);
        WritePerson(json, "authorDetail", item.AuthorDetail);
        json.WriteString("summary", body(verdict, item.Summary));
        json.WriteString("content", body(verdict, item.Content));
        WriteStrings(json, "categories", item.Categories);
        json.WriteStartArray("enclosures");
        foreach (var enclosure in item.Enclosures)
        {
            json.WriteStartObject();
            json.WriteString("url", enclosure.Url);
            json.WriteString("type", enclosure.Type);
            if (enclosure.Length is { } length)
                json.WriteNumber("length", length);
            else
                json.WriteNull("length");
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteString("skip", verdict.Skip);
        json.WriteEndObject();
    }

    /// <summary>An author's parts as {"name","email","uri"}, or null when the feed names no author.</summary>
    private static void WritePerson(Utf8JsonWriter json, string name, FeedPerson? person)
    {
        if (person is null)
        {
            json.WriteNull(name);
            return;
        }
        json.WriteStartObject(name);
        json.WriteString("name", person.Name);
        json.WriteString("email", person.Email);
        json.WriteString("uri", person.Uri);
        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
            json.WriteStringValue(value);
        json.WriteEndArray();
    }
}

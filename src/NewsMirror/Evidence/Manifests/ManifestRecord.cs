using System.Text;
using System.Text.Json;

namespace NewsMirror.Evidence.Manifests;

/// <summary>A line as stored: its month file, its 1-based line number there, its exact bytes and what they parse to.</summary>
public sealed record ManifestRecord(string FileName, int LineNumber, byte[] Bytes, ManifestLine? Line, string? ParseError)
{
    /// <summary>The hash the next line's <c>prev</c> must name: of these bytes exactly, without the line break.</summary>
    public string Hash => Sha256Hex.Of(Bytes);

    public string Where => $"{FileName}:{LineNumber}";

    /// <summary>Every line of a month file, in order; a final line break ends the last line, it does not open another.</summary>
    public static IEnumerable<ManifestRecord> ReadFile(string path)
    {
        var name = Path.GetFileName(path);
        var bytes = File.ReadAllBytes(path);
        var start = 0;
        var number = 0;
        while (start < bytes.Length)
        {
            var end = Array.IndexOf(bytes, (byte)'\n', start);
            if (end < 0) end = bytes.Length;
            number++;
            yield return Parse(name, number, bytes[start..end]);
            start = end + 1;
        }
    }

    private static ManifestRecord Parse(string name, int number, byte[] bytes)
    {
        try
        {
            var line = JsonSerializer.Deserialize(bytes, ManifestJson.Relaxed.ManifestLine);
            return line is { Files: not null, Warc: not null }
                ? new ManifestRecord(name, number, bytes, line, null)
                : new ManifestRecord(name, number, bytes, null, "not a manifest line (files or warc missing)");
        }
        catch (JsonException e)
        {
            var shown = Encoding.UTF8.GetString(bytes);
            return new ManifestRecord(name, number, bytes, null, $"not valid JSON ({e.Message.Split('.')[0]}): {(shown.Length > 60 ? shown[..60] + "…" : shown)}");
        }
    }
}

using System.Text;
using NewsMirror.Archive;
using NewsMirror.Archive.Layouts.DutyMachine;

namespace NewsMirror.Bench.Catalog;

/// <summary>An archive as the reference script leaves it: nine folders of countdown-id article files, no identity logs.</summary>
internal static class ArchiveGenerator
{
    public static readonly string[] Folders = ["reuters", "nyt", "voa", "ft", "bbc", "rfi", "dw", "rfa", "cdt"];
    private static readonly DateTimeOffset Start = new(2020, 8, 1, 0, 0, 0, TimeSpan.Zero);

    public static void Generate(ArchivePaths paths, int total)
    {
        var perFolder = total / Folders.Length;
        Parallel.For(0, Folders.Length, f =>
        {
            var text = new SyntheticText(f);
            var directory = Directory.CreateDirectory(paths.ArticlesFolder(Folders[f])).FullName;
            var count = f == 0 ? total - perFolder * (Folders.Length - 1) : perFolder;
            var spacing = (long)(DateTimeOffset.UtcNow - Start).TotalMilliseconds / count;
            for (int i = 0; i < count; i++)
            {
                // Oldest first: the countdown gives it the largest id.
                long id = ArticleId.FirstId - i;
                long ms = Start.ToUnixTimeMilliseconds() + i * spacing;
                var record = new ArticleRecord(ms, text.Title(), $"https://www.example.com/{Folders[f]}/{i}", text.Body(400 + (i % 600)));
                File.WriteAllText(Path.Combine(directory, ArticleFileName.Format(id)), ArticleFile.Render(record), new UTF8Encoding(false));
            }
        });
    }
}

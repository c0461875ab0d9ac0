using System.CommandLine;
using System.Globalization;
using NewsMirror.Archive;
using NewsMirror.Catalog;
using NewsMirror.Identity;

namespace NewsMirror.Cli.Commands;

/// <summary><c>newsmirror history FILE|LINK [--archive DIR] [--json]</c>: the revisions the source made to one archived article.</summary>
internal static class HistoryCommand
{
    public static Command Create()
    {
        var target = new Argument<string>("article") { Description = "The article's file (e.g. articles/rfi/1048574.md) or its link." };
        var archive = CommonOptions.Archive();
        var json = CommonOptions.Json();
        var command = new Command("history", "List the recorded revisions of an archived article.") { target, archive, json };
        command.SetAction(parse =>
        {
            if (CommandContext.Load(parse, archive, requirement: ArchiveRequirement.Exists) is not { } context) return ExitCodes.Usage;
            using var catalog = context.OpenCatalogCaughtUp();
            var articles = ArticleLookup.Find(catalog, parse.GetValue(target)!);
            if (articles.Count == 0)
            {
                context.Log.Error($"no archived article is {parse.GetValue(target)}");
                return ExitCodes.SomeFailed;
            }
            var histories = articles.Select(a => (Article: a, Revisions: Revisions.Of(catalog, a.Folder, a.File))).ToList();
            if (parse.GetValue(json)) WriteJson(histories);
            else WriteText(histories);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Iso(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static void WriteText(List<(CatalogRow Article, List<ArticleRevision> Revisions)> histories)
    {
        foreach (var (article, revisions) in histories)
        {
            Console.WriteLine($"{article.RelativePath}  {article.Title}");
            Console.WriteLine($"  {article.Link}");
            if (revisions.Count == 0) Console.WriteLine("  no revisions recorded");
            foreach (var r in revisions)
            {
                var what = r.Action switch
                {
                    IdentityLogEntry.Changes.Update => "updated",
                    IdentityLogEntry.Changes.Probe => "changed on the outlet's page (probe), file kept",
                    _ => "changed by the source, file kept",
                };
                var title = r.OldTitle == r.NewTitle ? "body changed" : $"title: {r.OldTitle} → {r.NewTitle}";
                Console.WriteLine($"  {Iso(r.At)}  {what}  {title}");
            }
        }
    }

    private static void WriteJson(List<(CatalogRow Article, List<ArticleRevision> Revisions)> histories) => Console.WriteLine(CliJson.Serialize(new HistoryJson(
        histories.Select(h => new HistoryArticleJson(
            h.Article.Source, h.Article.Folder, h.Article.RelativePath, h.Article.Title, h.Article.Link,
            h.Revisions.Select(r => new HistoryRevisionJson(Iso(r.At), r.Action, r.OldTitle, r.NewTitle, r.OldHash, r.NewHash))))),
        HistoryJsonContext.Default.HistoryJson));
}

using NewsMirror.Running.Demo;

namespace NewsMirror.Cli.Commands;

/// <summary>What <c>newsmirror demo</c> prints: what it did per outlet and where to look.</summary>
internal static class DemoReportOutput
{
    public static void Write(DemoReport report, TextWriter output)
    {
        var root = report.Paths.Root;
        output.WriteLine($"Archived {report.Run.New} articles in {report.Run.Elapsed.TotalSeconds:F1} s from {report.ServerUrl} ({report.Requests.Count} requests served):");
        foreach (var source in report.Run.Sources)
        {
            if (source.Ok) output.WriteLine($"  {source.Name,-6} {source.New,4} articles → {Path.Combine(root, "articles", source.Folder)}");
            else if (source.Name == report.BrokenSource) output.WriteLine($"  {source.Name,-6} failed, as it should (its feed is broken on purpose): {source.Error}");
            else output.WriteLine($"  {source.Name,-6} failed: {source.Error}");
            foreach (var warning in source.Warnings) output.WriteLine($"         warning: {warning}");
        }
        output.WriteLine();
        output.WriteLine($"Archive:    {root}");
        output.WriteLine($"Index:      {report.Paths.Readme}");
        output.WriteLine($"List pages: {Path.Combine(root, "lists")}");
        output.WriteLine($"Site:       {report.SiteIndex} ({report.Site.Articles} articles, {report.Site.Pages} files)");
        output.WriteLine($"Browse it:  open the site's index.html, or: newsmirror site serve --archive {root}");
    }
}

using System.CommandLine;
using NewsMirror.Publishing.Site;
using NewsMirror.Running.Demo;

namespace NewsMirror.Cli.Commands;

/// <summary><c>newsmirror demo</c>: the whole pipeline on bundled sample outlets served on 127.0.0.1, with no network.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var archive = new Option<string?>("--archive") { Description = "A new or empty folder for the demo archive (default: a new newsmirror-demo-<time> folder)." };
        var serve = new Option<bool>("--serve") { Description = "Then serve the reading site on 127.0.0.1 until Ctrl+C." };
        var command = new Command("demo", "See it work: archive bundled sample news from a local server (no network) and build the reading site.") { archive, serve };
        command.SetAction(async (parse, cancel) =>
        {
            var log = GlobalOptions.Log(parse);
            string folder;
            try { folder = DemoFolder.Choose(parse.GetValue(archive), Directory.GetCurrentDirectory(), DateTime.Now); }
            catch (DemoFolderException e)
            {
                log.Error(e.Message);
                return ExitCodes.Usage;
            }
            Console.WriteLine($"Serving {DemoOutlet.All.Count} sample outlets on 127.0.0.1 and archiving them into {folder} …");
            var report = await DemoRun.RunAsync(folder, TimeProvider.System, cancel);
            DemoReportOutput.Write(report, Console.Out);
            if (!report.Ok) return ExitCodes.SomeFailed;
            if (!parse.GetValue(serve)) return ExitCodes.Ok;

            using var server = SiteServer.Start(Path.GetDirectoryName(report.SiteIndex)!, port: 0);
            Console.WriteLine($"Serving the site at {server.Url} (Ctrl+C stops)");
            try { await Task.Delay(Timeout.Infinite, cancel); }
            catch (OperationCanceledException) { }
            Console.WriteLine("Stopped.");
            return ExitCodes.Ok;
        });
        return command;
    }
}

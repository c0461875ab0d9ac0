using System.Globalization;

namespace NewsMirror.Bench.Loopback;

/// <summary>
/// The "serve" mode: the nine outlets' feeds on 127.0.0.1 until Enter or end of input, for measuring or profiling
/// runs by hand. Arguments: --sources FILE (where to write the matching newsmirror.yml), [--archived N] (known items
/// come from a generated archive of N articles), [--known N] (default 30), [--fresh N] (default 50); or, instead,
/// --window N [--newest I]: the hourly scenario's feeds of N items each, the newest item I (default N − 1), where
/// each Enter moves the feeds on by one item (an hour later) and end of input stops.
/// </summary>
internal static class ServeCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        string? sourcesFile = null;
        int archived = 0, known = 30, fresh = 50, window = 0, newest = -1;
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            switch (args[i])
            {
                case "--sources": sourcesFile = value; break;
                case "--archived": archived = Commands.SuiteOptions.ParseSize(value); break;
                case "--known": known = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--fresh": fresh = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--window": window = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--newest": newest = int.Parse(value, CultureInfo.InvariantCulture); break;
                default: Console.Error.WriteLine($"serve: unknown argument {args[i]}"); return 2;
            }
        }
        if (sourcesFile is null)
        {
            Console.Error.WriteLine("serve: --sources FILE is required");
            return 2;
        }
        await using var server = await FeedServer.StartAsync();
        var feeds = new OutletFeeds(server);
        if (window > 0) return await ServeWindowAsync(server, feeds, sourcesFile, window, newest >= 0 ? newest : window - 1);
        feeds.Serve(archived, archived == 0 ? 0 : known, fresh, seed: 1);
        await File.WriteAllTextAsync(sourcesFile, feeds.SourcesFile());
        Console.WriteLine($"serving on {server.BaseUrl}; sources in {sourcesFile}; Enter stops");
        await Console.In.ReadLineAsync();
        return 0;
    }

    private static async Task<int> ServeWindowAsync(FeedServer server, OutletFeeds feeds, string sourcesFile, int window, int newest)
    {
        var feedWindow = new FeedWindow(server);
        await File.WriteAllTextAsync(sourcesFile, feeds.SourcesFile());
        do
        {
            feedWindow.Serve(newest, window);
            Console.WriteLine($"serving on {server.BaseUrl} items {newest - window + 1}–{newest}; sources in {sourcesFile}; Enter moves on one item");
            newest++;
        }
        while (await Console.In.ReadLineAsync() is not null);
        return 0;
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace NewsMirror.Tests.Support;

/// <summary>
/// An archive folder whose newsmirror.yml lists sources named after their folders (<c>a</c>, <c>b</c>, …), each
/// fed from <c>&lt;folder&gt;.xml</c> on a loopback server that records when each feed was requested.
/// </summary>
public sealed class FeedArchive : IAsyncDisposable
{
    private readonly Dictionary<string, FeedRequests> _requests = new();

    private FeedArchive(LoopbackServer server, TempFolder archive)
    {
        Server = server;
        Archive = archive;
    }

    public LoopbackServer Server { get; }
    public TempFolder Archive { get; }

    public static async Task<FeedArchive> StartAsync(params string[] folders)
    {
        var archive = new FeedArchive(await LoopbackServer.StartAsync(), new TempFolder());
        var yaml = new StringBuilder("sources:\n");
        foreach (var folder in folders)
        {
            yaml.Append($"  - name: {folder}\n    folder: {folder}\n    url: {archive.Server.Url(folder + ".xml")}\n");
            archive._requests[folder] = new FeedRequests();
        }
        File.WriteAllText(archive.Archive.Combine("newsmirror.yml"), yaml.ToString());
        return archive;
    }

    /// <summary>When each request for the folder's feed arrived, in order.</summary>
    public FeedRequests Requests(string folder) => _requests[folder];

    /// <summary>Answers the folder's feed requests with <paramref name="respond"/>, given the request's number (0 first).</summary>
    public void Handle(string folder, Func<Microsoft.AspNetCore.Http.HttpContext, int, Task> respond) =>
        Server.Handle(folder + ".xml", context => respond(context, _requests[folder].Arrived()));

    public static Task WriteFeedAsync(Microsoft.AspNetCore.Http.HttpContext context, string folder, params DateTimeOffset[] published) =>
        WriteFeedAsync(context, folder, "https://example.org/", published);

    /// <summary>A feed of one item per time, linking to <paramref name="linkBase"/><c>&lt;folder&gt;/&lt;n&gt;</c>.</summary>
    public static async Task WriteFeedAsync(Microsoft.AspNetCore.Http.HttpContext context, string folder, string linkBase, params DateTimeOffset[] published)
    {
        var items = published.Select((time, i) => new RssFixtureItem($"{folder} {i}", $"{linkBase}{folder}/{i}", time.ToString("r", CultureInfo.InvariantCulture))
        {
            Description = "<p>正文</p>",
        });
        context.Response.ContentType = "application/rss+xml; charset=utf-8";
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(RssFixture.Document(folder, items)));
    }

    public Task<CliProcess.Result> RunAsync(params string[] args) => CliProcess.RunAsync(Archive.Path, args);

    public Process Start(params string[] args) => CliProcess.Start(Archive.Path, args);

    public Process Start(IReadOnlyDictionary<string, string?> environment, params string[] args) => CliProcess.Start(Archive.Path, environment, args);

    /// <summary>Sends SIGTERM, as a service manager stopping the process would.</summary>
    public static async Task TerminateAsync(Process process)
    {
        using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    public string[] ArticleFiles(string folder)
    {
        var path = Archive.Combine("articles", folder);
        return Directory.Exists(path) ? Directory.GetFiles(path) : [];
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Archive.Dispose();
    }
}

/// <summary>The arrival times of one feed's requests, and a way to wait for the n-th.</summary>
public sealed class FeedRequests
{
    private readonly List<DateTimeOffset> _times = [];
    private readonly List<(int Count, TaskCompletionSource Done)> _waiters = [];

    public IReadOnlyList<DateTimeOffset> Times
    {
        get { lock (_times) return _times.ToList(); }
    }

    public int Count
    {
        get { lock (_times) return _times.Count; }
    }

    /// <summary>Records a request; returns its number (0 for the first).</summary>
    internal int Arrived()
    {
        lock (_times)
        {
            _times.Add(DateTimeOffset.UtcNow);
            foreach (var waiter in _waiters.Where(w => w.Count <= _times.Count)) waiter.Done.TrySetResult();
            return _times.Count - 1;
        }
    }

    public Task WaitForAsync(int count)
    {
        lock (_times)
        {
            if (_times.Count >= count) return Task.CompletedTask;
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, done));
            return done.Task.WaitAsync(TimeSpan.FromMinutes(1));
        }
    }
}

using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Running.Metrics;

/// <summary><c>run --metrics-file</c>: the file a real run writes, read back by a strict Prometheus text-format parser.</summary>
public class MetricsFileTests
{
    /// <summary>A source name that needs escaping as a label value (names may hold quotes, never a backslash or a newline).</summary>
    private const string OddName = "外电 \"B\" 2";

    [Fact]
    public async Task A_run_writes_valid_prometheus_text_with_per_source_figures_and_escaped_labels()
    {
        var now = DateTimeOffset.UtcNow;
        await using var archive = await FeedArchive.StartAsync("fresh", "broken");
        archive.Handle("fresh", (context, _) => FeedArchive.WriteFeedAsync(context, "fresh", now.AddHours(-1), now.AddHours(-2)));
        archive.Handle("broken", (context, _) =>
        {
            context.Response.StatusCode = 500;
            return Task.CompletedTask;
        });
        var yml = archive.Archive.Combine("newsmirror.yml");
        File.WriteAllText(yml, File.ReadAllText(yml).Replace("name: broken", "name: '外电 \"B\" 2'"));
        using var metricsFolder = new TempFolder();
        var path = metricsFolder.Combine("newsmirror.prom");

        var before = DateTimeOffset.UtcNow;
        var run = await archive.RunAsync("run", "--metrics-file", path);
        var after = DateTimeOffset.UtcNow;

        Assert.True(run.ExitCode == 1, run.Stderr);
        Assert.Equal(["newsmirror.prom"], Directory.GetFiles(metricsFolder.Path).Select(Path.GetFileName));
        var text = File.ReadAllText(path);
        var document = PrometheusTextParser.Parse(text);
        foreach (var sample in document.Samples)
        {
            Assert.True(document.TypeOf.ContainsKey(sample.Name), $"no TYPE for {sample.Name}");
            Assert.True(document.HelpOf.ContainsKey(sample.Name), $"no HELP for {sample.Name}");
        }
        Assert.Contains("source=\"外电 \\\"B\\\" 2\"", text);

        double Value(string name, string? source = null) =>
            Assert.Single(document.Samples, s => s.Name == name && (source is null || s.Labels["source"] == source)).Value;

        Assert.Equal("gauge", document.TypeOf["newsmirror_source_last_success_timestamp_seconds"]);
        Assert.InRange(Value("newsmirror_source_last_success_timestamp_seconds", "fresh"), before.ToUnixTimeSeconds() - 1, after.ToUnixTimeSeconds() + 1);
        Assert.DoesNotContain(document.Samples, s => s.Name == "newsmirror_source_last_success_timestamp_seconds" && s.Labels["source"] == OddName);

        Assert.Equal("counter", document.TypeOf["newsmirror_source_articles_total"]);
        Assert.Equal(2, Value("newsmirror_source_articles_total", "fresh"));
        Assert.Equal(0, Value("newsmirror_source_articles_total", OddName));

        Assert.Equal(0, Value("newsmirror_source_failures", "fresh"));
        Assert.Equal(1, Value("newsmirror_source_failures", OddName));
        Assert.Equal(2, Value("newsmirror_source_last_run_new_articles", "fresh"));

        Assert.InRange(Value("newsmirror_run_duration_seconds"), 0.0001, (after - before).TotalSeconds);
        Assert.InRange(Value("newsmirror_run_timestamp_seconds"), before.ToUnixTimeSeconds() - 1, after.ToUnixTimeSeconds() + 1);
    }

    [Fact]
    public async Task A_second_run_replaces_the_file_keeping_the_archive_totals()
    {
        var now = DateTimeOffset.UtcNow;
        await using var archive = await FeedArchive.StartAsync("fresh");
        archive.Handle("fresh", (context, _) => FeedArchive.WriteFeedAsync(context, "fresh", now.AddHours(-1)));
        using var metricsFolder = new TempFolder();
        var path = metricsFolder.Combine("newsmirror.prom");

        Assert.Equal(0, (await archive.RunAsync("run", "--metrics-file", path)).ExitCode);
        Assert.Equal(0, (await archive.RunAsync("run", "--metrics-file", path)).ExitCode);

        var samples = PrometheusTextParser.Parse(File.ReadAllText(path)).Samples;
        Assert.Equal(1, Assert.Single(samples, s => s.Name == "newsmirror_source_articles_total").Value);
        Assert.Equal(0, Assert.Single(samples, s => s.Name == "newsmirror_source_last_run_new_articles").Value);
        Assert.Equal(["newsmirror.prom"], Directory.GetFiles(metricsFolder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Watch_writes_the_file_after_each_round()
    {
        await using var archive = await FeedArchive.StartAsync("a");
        archive.Handle("a", (context, _) => FeedArchive.WriteFeedAsync(context, "a", DateTimeOffset.UtcNow.AddHours(-1)));
        using var metricsFolder = new TempFolder();
        var path = metricsFolder.Combine("newsmirror.prom");

        using var watch = archive.Start("watch", "--interval", "1s", "--jitter", "0s", "--metrics-file", path);
        var stderr = watch.StandardError.ReadToEndAsync();
        var stdout = watch.StandardOutput.ReadToEndAsync();
        try
        {
            // A round writes the file before the next round is scheduled: the second request comes after it.
            await archive.Requests("a").WaitForAsync(2);
            var samples = PrometheusTextParser.Parse(File.ReadAllText(path)).Samples;
            Assert.Equal(1, Assert.Single(samples, s => s.Name == "newsmirror_source_articles_total" && s.Labels["source"] == "a").Value);
            Assert.Equal(0, Assert.Single(samples, s => s.Name == "newsmirror_source_failures").Value);
            await FeedArchive.TerminateAsync(watch);
            await watch.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
            await stdout;
            Assert.True(watch.ExitCode == 0, await stderr);
        }
        finally
        {
            if (!watch.HasExited) watch.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public void Label_values_with_backslashes_quotes_and_newlines_read_back_unchanged()
    {
        const string value = "a\\b \"c\"\nd";
        var text = new NewsMirror.Running.Metrics.PrometheusText()
            .Family("newsmirror_test", "gauge", "Help with a \\ and a\nline break.")
            .Sample("newsmirror_test", 1.5, ("source", value))
            .ToString();

        var document = PrometheusTextParser.Parse(text);

        Assert.Equal(value, Assert.Single(document.Samples).Labels["source"]);
        Assert.Equal(1.5, document.Samples[0].Value);
        Assert.Equal("Help with a \\\\ and a\\nline break.", document.HelpOf["newsmirror_test"]);
    }

    [Fact]
    public void The_parser_rejects_what_the_format_forbids()
    {
        Assert.Throws<FormatException>(() => PrometheusTextParser.Parse("bad-name 1\n"));
        Assert.Throws<FormatException>(() => PrometheusTextParser.Parse("m{source=\"a\\tb\"} 1\n"));
        Assert.Throws<FormatException>(() => PrometheusTextParser.Parse("m{source=\"a\"} one\n"));
        Assert.Throws<FormatException>(() => PrometheusTextParser.Parse("m 1\n# TYPE m gauge\n"));
        Assert.Equal("a\"b\\c\nd", PrometheusTextParser.Parse("m{source=\"a\\\"b\\\\c\\nd\"} 1\n").Samples[0].Labels["source"]);
    }
}

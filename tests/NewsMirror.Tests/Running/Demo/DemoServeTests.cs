using System.Diagnostics;
using System.Text.RegularExpressions;
using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Running.Demo;

/// <summary>`newsmirror demo --serve`: the built site is served on 127.0.0.1 until the process is interrupted.</summary>
public class DemoServeTests
{
    [Fact]
    public async Task Serves_the_site_until_interrupted()
    {
        using var temp = new TempFolder();
        using var process = CliProcess.Start(temp.Path, "demo", "--archive", temp.Combine("demo"), "--serve");
        try
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            Match serving;
            do
            {
                var line = await process.StandardOutput.ReadLineAsync(deadline.Token)
                    ?? throw new InvalidOperationException("demo ended before serving: " + await process.StandardError.ReadToEndAsync());
                serving = Regex.Match(line, @"^Serving the site at (http://127\.0\.0\.1:\d+/) ");
            } while (!serving.Success);

            using var http = new HttpClient();
            var home = await http.GetStringAsync(serving.Groups[1].Value + "index.html", deadline.Token);
            Assert.Contains("晨光日报", home);

            Process.Start("kill", ["-INT", process.Id.ToString()])!.WaitForExit();
            await process.WaitForExitAsync(deadline.Token);
            Assert.Equal(0, process.ExitCode);
            Assert.Contains("Stopped.", await process.StandardOutput.ReadToEndAsync(deadline.Token));
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }
}

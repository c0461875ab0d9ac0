using System.Diagnostics;
using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Contrib;

/// <summary>The units in contrib/systemd, checked by systemd's own `systemd-analyze verify`.</summary>
public class SystemdUnitTests
{
    private const string InstalledBinary = "/usr/local/bin/newsmirror";
    private static readonly string[] Units = ["newsmirror-watch.service", "newsmirror-run.service", "newsmirror-run.timer"];

    private static string UnitFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "NewsMirror.slnx"))) return Path.Combine(dir.FullName, "contrib", "systemd");
        throw new InvalidOperationException($"no NewsMirror.slnx in {AppContext.BaseDirectory} or any folder above it");
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);

    [SkippableFact]
    public void The_units_pass_systemd_analyze_verify_without_warnings()
    {
        var analyze = FindOnPath("systemd-analyze");
        Skip.If(analyze is null, "systemd-analyze is not installed (Debian/Ubuntu: apt-get install systemd)");
        // verify requires ExecStart's binary to exist; NewsMirror is not installed here, so the copies run /bin/true.
        using var copies = new TempFolder();
        foreach (var unit in Units)
        {
            var text = File.ReadAllText(Path.Combine(UnitFolder(), unit));
            File.WriteAllText(copies.Combine(unit), text.Replace(InstalledBinary, "/bin/true"));
        }

        var start = new ProcessStartInfo(analyze!) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = copies.Path };
        start.ArgumentList.Add("verify");
        foreach (var unit in Units) start.ArgumentList.Add(copies.Combine(unit));
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();

        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}\n{stderr}{stdout.Result}");
        // Warnings about other units (the host's own) are not ours; any line naming one of ours is.
        var ours = stderr.Split('\n').Where(line => Units.Any(line.Contains)).ToList();
        Assert.True(ours.Count == 0, string.Join('\n', ours));
    }

    [Fact]
    public void The_units_run_the_installed_binary_and_the_watch_service_is_hardened()
    {
        var watch = File.ReadAllLines(Path.Combine(UnitFolder(), "newsmirror-watch.service"));
        Assert.Contains($"ExecStart={InstalledBinary} watch --archive /var/lib/newsmirror/archive", watch);
        foreach (var setting in new[] { "Type=simple", "NoNewPrivileges=yes", "ProtectSystem=strict", "ProtectHome=yes", "PrivateTmp=yes",
                     "PrivateDevices=yes", "RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX", "SystemCallFilter=@system-service",
                     "Restart=on-failure", "ReadWritePaths=/var/lib/newsmirror/archive", "StateDirectory=newsmirror" })
            Assert.Contains(setting, watch);
        Assert.DoesNotContain(watch, line => line.StartsWith("MemoryDenyWriteExecute="));
        var run = File.ReadAllLines(Path.Combine(UnitFolder(), "newsmirror-run.service"));
        Assert.Contains("Type=oneshot", run);
        Assert.Contains(run, line => line.StartsWith($"ExecStart={InstalledBinary} run ") && line.Contains("--commit --push"));
        var timer = File.ReadAllLines(Path.Combine(UnitFolder(), "newsmirror-run.timer"));
        foreach (var setting in new[] { "OnCalendar=hourly", "Persistent=true" }) Assert.Contains(setting, timer);
        Assert.Contains(timer, line => line.StartsWith("RandomizedDelaySec="));
    }
}

namespace NewsMirror.Bench.Commands;

/// <summary>One timed process: start to exit, CPU time of the process and its children, peak resident memory, and what it printed.</summary>
internal sealed record ProcessSample(double WallSeconds, double CpuSeconds, double PeakRssMiB, int ExitCode, string Output);

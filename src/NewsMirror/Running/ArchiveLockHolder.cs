namespace NewsMirror.Running;

/// <summary>What the lock file says about the writer holding it.</summary>
public sealed record ArchiveLockHolder(int Pid, string Host, DateTimeOffset Started, string Command, string Token)
{
    public override string ToString() => $"'{Command}' (PID {Pid} on {Host}, since {Started:yyyy-MM-dd HH:mm:ss} UTC)";
}

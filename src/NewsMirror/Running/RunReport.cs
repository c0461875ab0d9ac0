namespace NewsMirror.Running;

public sealed record RunReport(IReadOnlyList<SourceReport> Sources, TimeSpan Elapsed)
{
    public int New => Sources.Sum(s => s.New);
    public bool AllOk => Sources.All(s => s.Ok);
}

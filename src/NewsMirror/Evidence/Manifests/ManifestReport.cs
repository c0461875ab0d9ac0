namespace NewsMirror.Evidence.Manifests;

/// <summary>What <see cref="ManifestVerifier"/> found.</summary>
/// <param name="Lines">Lines read, across all month files.</param>
/// <param name="Files">Distinct files listed (articles, pages, logs, WARC files), each checked against its latest listing.</param>
/// <param name="Absent">Listed WARC files not present in this copy (git-ignored captures stay on the machine that made them): not a failure.</param>
public sealed record ManifestReport(int Lines, int Files, IReadOnlyList<ManifestProblem> Problems, IReadOnlyList<string> Absent)
{
    public bool Ok => Problems.Count == 0;
}

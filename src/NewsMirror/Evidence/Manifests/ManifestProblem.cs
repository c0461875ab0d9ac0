namespace NewsMirror.Evidence.Manifests;

/// <summary>One thing that breaks the manifests: <see cref="Where"/> is a manifest line ("2026-12.jsonl:3") or a file, and <see cref="Path"/> the archived file concerned, if any.</summary>
public sealed record ManifestProblem(string Where, string? Path, string Message)
{
    public override string ToString() => Path is null ? $"{Where}: {Message}" : $"{Path}: {Message} ({Where})";
}

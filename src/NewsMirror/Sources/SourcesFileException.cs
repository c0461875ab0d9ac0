namespace NewsMirror.Sources;

/// <summary>A sources file that cannot be used; the message names the file, line and key.</summary>
public sealed class SourcesFileException(string file, int line, string? key, string problem)
    : Exception(key is null ? $"{file}:{line}: {problem}" : $"{file}:{line}: key '{key}': {problem}")
{
    public string File { get; } = file;
    public int Line { get; } = line;
    public string? Key { get; } = key;
}

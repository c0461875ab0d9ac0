namespace NewsMirror.Publishing.Setup;

/// <summary>
/// Where CI gets NewsMirror from: its git repository at a branch or tag, built and installed as a .NET tool.
/// <see cref="Repository"/> null: the CI setting <c>NEWSMIRROR_REPOSITORY</c> supplies it.
/// </summary>
public sealed record ToolSource(string? Repository, string Ref)
{
    public static ToolSource Default { get; } = new(null, "main");

    /// <summary>
    /// Shell lines that install the tool into <paramref name="toolPath"/> unless the installed build already comes from
    /// the commit the ref points at (so a cache never serves a stale build, and an unchanged ref costs one ls-remote).
    /// </summary>
    internal static string InstallScript(string toolPath, string workPath) => $$"""
        tool="{{toolPath}}"
        if [ -z "$NEWSMIRROR_REPOSITORY" ]; then
          echo "Set NEWSMIRROR_REPOSITORY to the git URL of NewsMirror (a CI variable)" >&2; exit 1
        fi
        commit=$(git ls-remote "$NEWSMIRROR_REPOSITORY" "$NEWSMIRROR_REF" | head -n 1 | cut -f 1)
        if [ -z "$commit" ]; then
          echo "No branch or tag '$NEWSMIRROR_REF' in $NEWSMIRROR_REPOSITORY" >&2; exit 1
        fi
        if [ "$(cat "$tool/.commit" 2>/dev/null)" != "$commit" ]; then
          rm -rf "$tool" "{{workPath}}"
          git clone --quiet --depth 1 --branch "$NEWSMIRROR_REF" "$NEWSMIRROR_REPOSITORY" "{{workPath}}/source"
          dotnet pack "{{workPath}}/source/src/NewsMirror.Cli" -c Release -o "{{workPath}}/package"
          dotnet tool install NewsMirror.Tool --tool-path "$tool" --add-source "{{workPath}}/package"
          echo "$commit" > "$tool/.commit"
        fi
        """;
}

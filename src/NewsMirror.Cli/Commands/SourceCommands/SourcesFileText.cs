using NewsMirror.Archive;
using NewsMirror.Sources;

namespace NewsMirror.Cli.Commands.SourceCommands;

/// <summary>The archive's newsmirror.yml as text to edit; when it is missing, the built-in outlets written out (as init writes them).</summary>
internal sealed class SourcesFileText
{
    private SourcesFileText(ArchivePaths paths, string text, bool exists)
    {
        Paths = paths;
        Text = text;
        Exists = exists;
    }

    public ArchivePaths Paths { get; }
    public string Text { get; }
    public bool Exists { get; }
    public string FileName => SourcesFile.DefaultName;
    public ArchiveConfig Config => SourcesFile.ParseConfig(Text, Paths.SourcesFile);

    public static SourcesFileText Load(ArchivePaths paths) => File.Exists(paths.SourcesFile)
        ? new SourcesFileText(paths, File.ReadAllText(paths.SourcesFile), true)
        : new SourcesFileText(paths, SourcesFileTemplate.Render(new ArchiveSettings(), BuiltInSources.All), false);

    public void Save(string text)
    {
        Directory.CreateDirectory(Paths.Root);
        AtomicFile.WriteAllText(Paths.SourcesFile, text);
    }
}

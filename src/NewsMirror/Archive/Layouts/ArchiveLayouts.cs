using NewsMirror.Archive.Layouts.DutyMachine;
using NewsMirror.Archive.Layouts.Jekyll;
using NewsMirror.Sources;

namespace NewsMirror.Archive.Layouts;

/// <summary>The layout object for a <c>layout:</c> setting: the one place that maps the setting to its implementation.</summary>
public static class ArchiveLayouts
{
    public static IArchiveLayout Of(ArchiveLayout setting) => setting switch
    {
        ArchiveLayout.Jekyll => JekyllLayout.Instance,
        _ => DutyMachineLayout.Instance,
    };
}

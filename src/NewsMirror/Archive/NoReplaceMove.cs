using System.Runtime.InteropServices;

namespace NewsMirror.Archive;

/// <summary>
/// Gives a file a new name only if no file has that name, as one step: of writers racing for one name, exactly one wins.
/// <para>
/// .NET's <c>File.Move(overwrite: false)</c> on Unix checks that the name is free and then renames, so under load several
/// writers pass the check and each rename replaces the last winner's file. On Linux and macOS this uses <c>link(2)</c>
/// (the kernel refuses an existing name with EEXIST) and then removes the old name; where the file system has no hard
/// links, <c>renameat2(RENAME_NOREPLACE)</c> on Linux or <c>renamex_np(RENAME_EXCL)</c> on macOS. Only where the file
/// system refuses both (some FUSE, SMB and FAT mounts answer EPERM, ENOTSUP, EINVAL or EXDEV) does it fall back to
/// <c>File.Move</c>'s check-then-rename, which is not atomic: there two processes creating one name at the same moment can
/// both succeed and the later file replaces the earlier. On Windows <c>File.Move</c> without overwrite already refuses
/// an existing name atomically (MoveFileEx without MOVEFILE_REPLACE_EXISTING).
/// </para>
/// </summary>
internal static partial class NoReplaceMove
{
    private enum Outcome { Moved, NameTaken, Refused }

    /// <summary>True when <paramref name="source"/> now has the name <paramref name="destination"/>; false, and the source left as it was, when that name exists.</summary>
    public static bool TryMove(string source, string destination)
    {
        source = Path.GetFullPath(source);
        destination = Path.GetFullPath(destination);
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            var outcome = ByHardLink(source, destination);
            if (outcome == Outcome.Refused) outcome = ByExclusiveRename(source, destination);
            // A folder under the name is a fault of the archive, not another writer's file: an error, as File.Move gives.
            if (outcome == Outcome.NameTaken && Directory.Exists(destination)) throw new IOException($"cannot create {destination}: a folder has that name");
            if (outcome != Outcome.Refused) return outcome == Outcome.Moved;
        }
        return ByCheckThenMove(source, destination);
    }

    private static Outcome ByHardLink(string source, string destination)
    {
        var outcome = Call(() => Link(source, destination), destination);
        // The new name is in place whatever happens to the old one; a temp name left behind is a hidden temp file like
        // one a killed writer leaves, never read as an article.
        if (outcome == Outcome.Moved) Unlink(source);
        return outcome;
    }

    private static Outcome ByExclusiveRename(string source, string destination)
    {
        try
        {
            return OperatingSystem.IsLinux()
                ? Call(() => RenameAt2(AtCurrentDirectory, source, AtCurrentDirectory, destination, RenameNoReplace), destination)
                : Call(() => RenameExclusive(source, destination, RenameExcl), destination);
        }
        catch (EntryPointNotFoundException)
        {
            // A C library without the call (glibc before 2.28): the same as a file system that refuses it.
            return Outcome.Refused;
        }
    }

    private static bool ByCheckThenMove(string source, string destination)
    {
        try
        {
            File.Move(source, destination, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(destination))
        {
            return false;
        }
    }

    /// <summary>Runs a call that returns 0 or -1 with errno; EEXIST is a taken name, a refusal by the file system is <see cref="Outcome.Refused"/>, anything else throws.</summary>
    private static Outcome Call(Func<int> call, string destination)
    {
        while (true)
        {
            if (call() == 0) return Outcome.Moved;
            int errno = Marshal.GetLastPInvokeError();
            if (errno == Errno.Interrupted) continue;
            if (errno == Errno.Exists) return Outcome.NameTaken;
            if (Errno.MeansUnsupported(errno)) return Outcome.Refused;
            var reason = Marshal.GetPInvokeErrorMessage(errno);
            throw errno == Errno.Access
                ? new UnauthorizedAccessException($"cannot create {destination}: {reason}")
                : new IOException($"cannot create {destination}: {reason}", errno);
        }
    }

    /// <summary>The errno values involved, which differ between Linux and macOS beyond the first few.</summary>
    private static class Errno
    {
        public const int Permission = 1, Interrupted = 4, Access = 13, Exists = 17, CrossDevice = 18, Invalid = 22;
        private static readonly int NotSupported = OperatingSystem.IsMacOS() ? 45 : 95;
        private static readonly int OperationNotSupported = OperatingSystem.IsMacOS() ? 102 : 95;
        private static readonly int NotImplemented = OperatingSystem.IsMacOS() ? 78 : 38;

        /// <summary>
        /// The file system or kernel does not do this kind of call: EPERM is link(2)'s answer on file systems without hard
        /// links, EINVAL renameat2's for an unsupported flag.
        /// </summary>
        public static bool MeansUnsupported(int errno) =>
            errno == Permission || errno == CrossDevice || errno == Invalid || errno == NotSupported || errno == OperationNotSupported || errno == NotImplemented;
    }

    private const int AtCurrentDirectory = -100;
    private const uint RenameNoReplace = 1;
    private const uint RenameExcl = 4;

    [LibraryImport("libc", EntryPoint = "link", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Link(string existing, string created);

    [LibraryImport("libc", EntryPoint = "unlink", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Unlink(string path);

    [LibraryImport("libc", EntryPoint = "renameat2", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int RenameAt2(int fromDirectory, string from, int toDirectory, string to, uint flags);

    [LibraryImport("libc", EntryPoint = "renamex_np", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int RenameExclusive(string from, string to, uint flags);
}

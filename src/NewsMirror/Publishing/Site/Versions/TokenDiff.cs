namespace NewsMirror.Publishing.Site.Versions;

/// <summary>
/// The shortest edit between two token lists, by Myers' O(ND) algorithm ("An O(ND) Difference Algorithm and Its
/// Variations", 1986), after the common start and end are set aside. Written here rather than taken from DiffPlex
/// (which would do it well): DiffPlex diffs strings it cuts itself, while the site needs the diff of its own tokens
/// (<see cref="DiffTokens"/>), and the algorithm is short enough not to add a package to the build for it.
/// </summary>
internal static class TokenDiff
{
    /// <summary>
    /// Beyond this many differing tokens the versions are shown as all deleted and all inserted: a text rewritten from end
    /// to end reads no better as a word diff, and the search's memory grows with the square of the differences.
    /// </summary>
    public const int MaxDifferences = 2000;

    public static List<DiffRun> Compare(string older, string newer) => Compare(DiffTokens.Of(older), DiffTokens.Of(newer));

    public static List<DiffRun> Compare(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        int prefix = 0;
        while (prefix < a.Count && prefix < b.Count && a[prefix] == b[prefix]) prefix++;
        int suffix = 0;
        while (suffix < a.Count - prefix && suffix < b.Count - prefix && a[a.Count - 1 - suffix] == b[b.Count - 1 - suffix]) suffix++;

        var runs = new RunBuilder();
        for (int i = 0; i < prefix; i++) runs.Add(DiffKind.Same, a[i]);
        var middleA = Slice(a, prefix, a.Count - suffix);
        var middleB = Slice(b, prefix, b.Count - suffix);
        foreach (var (kind, token) in Middle(middleA, middleB)) runs.Add(kind, token);
        for (int i = a.Count - suffix; i < a.Count; i++) runs.Add(DiffKind.Same, a[i]);
        return Readable(runs.Runs);
    }

    /// <summary>
    /// Folds a short common stretch between two changes into them: "记协<del>表示</del><ins>发表声明强烈</ins>反对" reads better
    /// than the shortest edit, which keeps the one shared character "表" in the middle. A stretch is folded when it is no
    /// longer than the larger side of the change before it and of the change after it, and holds no paragraph break.
    /// </summary>
    private static List<DiffRun> Readable(List<DiffRun> runs)
    {
        var result = new RunBuilder();
        for (int i = 0; i < runs.Count; i++)
        {
            var run = runs[i];
            if (run.Kind == DiffKind.Same && i > 0 && i + 1 < runs.Count && !run.Text.Contains('\n') &&
                run.Text.Length <= ChangeSize(runs, i, -1) && run.Text.Length <= ChangeSize(runs, i, +1))
            {
                result.Add(DiffKind.Deleted, run.Text);
                result.Add(DiffKind.Inserted, run.Text);
            }
            else result.Add(run.Kind, run.Text);
        }
        return result.Runs;
    }

    /// <summary>The larger of the deleted and the inserted text of the change next to the common run at <paramref name="at"/>.</summary>
    private static int ChangeSize(List<DiffRun> runs, int at, int direction)
    {
        int deleted = 0, inserted = 0;
        for (int i = at + direction; i >= 0 && i < runs.Count && runs[i].Kind != DiffKind.Same; i += direction)
            if (runs[i].Kind == DiffKind.Deleted) deleted += runs[i].Text.Length;
            else inserted += runs[i].Text.Length;
        return Math.Max(deleted, inserted);
    }

    private static List<string> Slice(IReadOnlyList<string> tokens, int start, int end)
    {
        var slice = new List<string>(end - start);
        for (int i = start; i < end; i++) slice.Add(tokens[i]);
        return slice;
    }

    private static List<(DiffKind, string)> Middle(List<string> a, List<string> b)
    {
        int n = a.Count, m = b.Count, max = n + m;
        var trace = new List<int[]>();
        // v[k + offset]: the furthest x reached on diagonal k = x - y.
        int offset = max + 1;
        var v = new int[2 * max + 3];
        int found = -1;
        for (int d = 0; d <= max && d <= MaxDifferences; d++)
        {
            for (int k = -d; k <= d; k += 2)
            {
                int x = k == -d || (k != d && v[k - 1 + offset] < v[k + 1 + offset]) ? v[k + 1 + offset] : v[k - 1 + offset] + 1;
                int y = x - k;
                while (x < n && y < m && a[x] == b[y]) { x++; y++; }
                v[k + offset] = x;
                if (x >= n && y >= m) { found = d; break; }
            }
            // Only the diagonals -d..d are kept per step: memory grows with d², not with d·(n+m).
            trace.Add(v.AsSpan(offset - d, 2 * d + 1).ToArray());
            if (found >= 0) break;
        }
        if (found < 0) return [.. a.Select(t => (DiffKind.Deleted, t)), .. b.Select(t => (DiffKind.Inserted, t))];
        return Backtrack(a, b, trace);
    }

    /// <summary>Walks the kept steps back from the end, collecting the edit in reverse.</summary>
    private static List<(DiffKind, string)> Backtrack(List<string> a, List<string> b, List<int[]> trace)
    {
        var edits = new List<(DiffKind, string)>();
        int x = a.Count, y = b.Count;
        for (int d = trace.Count - 1; d > 0; d--)
        {
            var previous = trace[d - 1];
            int At(int diagonal) => previous[diagonal + d - 1];
            int k = x - y;
            int previousK = k == -d || (k != d && At(k - 1) < At(k + 1)) ? k + 1 : k - 1;
            int previousX = At(previousK);
            int previousY = previousX - previousK;
            while (x > previousX && y > previousY)
            {
                y--;
                edits.Add((DiffKind.Same, a[--x]));
            }
            if (x == previousX) edits.Add((DiffKind.Inserted, b[--y]));
            else edits.Add((DiffKind.Deleted, a[--x]));
        }
        // Step 0 is the common run the edit starts with (empty here, as the common start was set aside).
        while (x > 0 && y > 0)
        {
            y--;
            edits.Add((DiffKind.Same, a[--x]));
        }
        edits.Reverse();
        return edits;
    }

    /// <summary>Joins consecutive text of one kind; within a change, all deletions come before all insertions.</summary>
    private sealed class RunBuilder
    {
        public List<DiffRun> Runs { get; } = [];

        public void Add(DiffKind kind, string text)
        {
            if (text.Length == 0) return;
            if (Runs.Count > 0 && Runs[^1].Kind == kind) Runs[^1] = Runs[^1] with { Text = Runs[^1].Text + text };
            // A deletion after an insertion of the same change joins the change's deletion before it.
            else if (kind == DiffKind.Deleted && Runs.Count > 0 && Runs[^1].Kind == DiffKind.Inserted)
            {
                if (Runs.Count > 1 && Runs[^2].Kind == DiffKind.Deleted) Runs[^2] = Runs[^2] with { Text = Runs[^2].Text + text };
                else Runs.Insert(Runs.Count - 1, new DiffRun(kind, text));
            }
            else Runs.Add(new DiffRun(kind, text));
        }
    }
}

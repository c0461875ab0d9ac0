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
        return runs.Runs;
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
            while (x > previousX && y > previousY) edits.Add((DiffKind.Same, a[--x]));
            if (x == previousX) edits.Add((DiffKind.Inserted, b[--y]));
            else edits.Add((DiffKind.Deleted, a[--x]));
        }
        while (x > 0 && y > 0) edits.Add((DiffKind.Same, a[--x]));
        edits.Reverse();
        return edits;
    }

    /// <summary>Joins consecutive tokens of one kind; within a change, deletions come before insertions.</summary>
    private sealed class RunBuilder
    {
        public List<DiffRun> Runs { get; } = [];

        public void Add(DiffKind kind, string token)
        {
            if (Runs.Count > 0 && Runs[^1].Kind == kind) Runs[^1] = Runs[^1] with { Text = Runs[^1].Text + token };
            else Runs.Add(new DiffRun(kind, token));
        }
    }
}

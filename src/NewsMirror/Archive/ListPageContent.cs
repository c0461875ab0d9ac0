namespace NewsMirror.Archive;

/// <summary>What <see cref="ListPage.Parse"/> reads back from a list page.</summary>
/// <param name="MoreLink">The target of a closing <c>[查看更多](…)</c> link (older list pages), else null.</param>
public sealed record ListPageContent(string DisplayName, IReadOnlyList<ListPageEntry> Entries, string? MoreLink);

/// <summary>
/// One entry as written: <paramref name="MonthDay"/> is the <c>M-D</c> prefix (null when absent); the link is
/// <c>/articles/&lt;Folder&gt;/&lt;FileName&gt;</c> exactly as written (older pages encode spaces as %20).
/// </summary>
public sealed record ListPageEntry(string? MonthDay, string Title, string Folder, string FileName);

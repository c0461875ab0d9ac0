using System.Text;

namespace NewsMirror.Sources;

/// <summary>
/// The newsmirror.yml that <c>init</c> writes: the settings and the built-in outlets with every key spelled out,
/// and comments saying what each key does, so an operator edits values rather than looking keys up.
/// </summary>
public static class SourcesFileTemplate
{
    private const string Header = """
        # NewsMirror configuration: which outlets this archive mirrors, and how.
        # `newsmirror sources add|remove|import-opml` edit this file in place and keep its comments.
        #
        # layout: duty      articles/<folder>/<id>.md, the duty-machine format
        #         jekyll    _posts/YYYY-MM-DD-<title>.md with Jekyll front matter
        # git:
        #   author: "Name <email>"   author and committer of `newsmirror run --commit` commits
        #                            (default: git's configured user, else NewsMirror <newsmirror@users.noreply.github.com>)
        #
        # Keys of each source (an entry named like a built-in outlet starts from that outlet's settings, so a key
        # left out keeps the built-in value; every key is written out below):
        #   name         display name; the list page is lists/<name>.md
        #   folder       articles/<folder>/ (letters, digits, '-', '_'; no '/', '\' or '..')
        #   url          the feed: http(s), file:// or a path relative to the archive root
        #   body         auto | description | content (content:encoded / Atom content)
        #   link         link | guid: the item field that becomes the article's link
        #   enabled      false keeps the entry but skips the source
        #   fulltext     none, readability, or a CSS selector: the body is taken from the article page
        #   ids          countdown (below the folder's smallest id) | wordpress-post (from the ?p= post number)
        #   categories   any | symbol-or-emoji (keep only items with a category holding a symbol or emoji)
        #   include      {} or fields (title, categories, author, link, body) with regex lists an item must match
        #   exclude      {} or fields with regex lists; an item matching any is dropped
        #   cleanup      default (sanitise, drop share buttons and other junk) | none (keep the body as the feed gives it)
        #   remove       CSS selectors of elements to drop from bodies, on top of the built-in rules
        #   iframes      hosts whose iframes are kept, on top of the built-in video hosts
        #   images       keep | proxy (rewrite image URLs through image-proxy) | localize
        #   image-proxy  proxy URL template: {url} is the URL-encoded image address, {url_raw} the address as is
        #   referers     {} or image host: Referer to send when localizing its images ("" for none), on top of the built-in table
        #   timezone     IANA zone for feed times without a zone (e.g. Asia/Shanghai)
        #   allow-private  true lets article-page and image fetches reach private, loopback and link-local addresses
        #   allow-hosts  hosts, addresses or CIDR ranges those fetches may reach even when private
        #   on-change    ignore | update: when an archived item comes back changed, keep the file or rewrite it in place
        #   probe        off, or when archived pages are fetched again to notice edits and removals (default [1h, 6h, 1d, 3d, 7d, 30d])
        #   lang         language of the articles, for their site pages: zh-Hans (default) | zh-Hant | en | another BCP 47 tag

        """;

    public static string Render(ArchiveSettings settings, IEnumerable<SourceConfig> sources)
    {
        var output = new StringBuilder(Header);
        output.Append("layout: ").Append(settings.Layout == ArchiveLayout.Jekyll ? "jekyll" : "duty").Append('\n');
        if (settings.GitAuthor is null) output.Append("# git:\n#   author: \"Name <email>\"\n");
        else output.Append("git:\n  author: ").Append(YamlText.Scalar(settings.GitAuthor)).Append('\n');
        output.Append("sources:\n");
        foreach (var source in sources) output.Append(SourceYaml.Entry(source, indent: 2, allKeys: true));
        return output.ToString();
    }
}

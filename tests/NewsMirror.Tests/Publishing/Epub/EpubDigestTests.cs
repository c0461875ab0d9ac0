using System.Xml.Linq;
using NewsMirror.Publishing.Epub;

namespace NewsMirror.Tests.Publishing.Epub;

public sealed class EpubDigestTests : IDisposable
{
    private readonly EpubTestArchive _archive = new();

    public void Dispose() => _archive.Dispose();

    private EpubDigestOptions Options(TimeSpan since, string? source = null) =>
        new(_archive.Now, since) { Source = source, SourceOrder = ["法广", "德国之声"] };

    private (EpubDigestReport Report, EpubBook Book) Write(EpubDigestOptions options, string name = "digest.epub")
    {
        using var catalog = _archive.OpenCatalog();
        var report = EpubDigest.Write(catalog, options, _archive.OutputPath(name));
        return (report, new EpubBook(report.Path));
    }

    [Fact]
    public async Task Digest_of_two_chinese_sources_with_images_and_hostile_html_passes_epubcheck_without_errors_or_warnings()
    {
        var (report, _) = Write(Options(TimeSpan.FromDays(1)));
        Assert.Equal(4, report.Articles);
        Assert.Equal(1, report.Images);

        var check = await Epubcheck.RunAsync(report.Path);

        Assert.True(check.ExitCode == 0 && !check.Problems.Any(), check.Output);
        Assert.Contains("No errors or warnings detected", check.Output);
    }

    [Fact]
    public async Task Digest_of_a_period_without_articles_is_a_valid_book_saying_so()
    {
        var (report, book) = Write(Options(TimeSpan.FromMinutes(1)));

        Assert.Equal(0, report.Articles);
        Assert.Contains("没有存档的文章", book.Text("EPUB/empty.xhtml"));
        var check = await Epubcheck.RunAsync(report.Path);
        Assert.True(check.ExitCode == 0 && !check.Problems.Any(), check.Output);
    }

    [Fact]
    public void Toc_nests_the_period_s_articles_under_their_source_newest_first()
    {
        var (_, book) = Write(Options(TimeSpan.FromDays(1)));

        var toc = book.Toc();

        Assert.Equal(["法广（2 篇）", "德国之声（2 篇）"], toc.Select(s => s.Heading));
        Assert.Equal([EpubTestArchive.LocalizedImageTitle, EpubTestArchive.HostileTitle], toc[0].Entries.Select(e => e.Title));
        Assert.Equal([EpubTestArchive.TraditionalTitle, "德国经济数据公布"], toc[1].Entries.Select(e => e.Title));
        // Every entry is a content document of the spine.
        var spine = book.Package.Descendants(EpubBook.Opf + "itemref").Select(i => (string)i.Attribute("idref")!).ToList();
        var hrefs = book.Package.Descendants(EpubBook.Opf + "item").ToDictionary(i => (string)i.Attribute("id")!, i => (string)i.Attribute("href")!);
        Assert.Equal(["nav.xhtml", .. toc.SelectMany(s => s.Entries).Select(e => e.Href)], spine.Select(id => hrefs[id]));
    }

    [Fact]
    public void A_source_kept_under_two_folders_is_one_part_of_the_book()
    {
        // Older archives hold 法广's early articles in a folder named after it.
        _archive.Write("法广", 1048574, "旧文件夹里的文章", _archive.Hours(3), "<p>旧文件夹。</p>");

        var (_, book) = Write(Options(TimeSpan.FromDays(1)));

        var toc = book.Toc();
        Assert.Equal(["法广（3 篇）", "德国之声（2 篇）"], toc.Select(s => s.Heading));
        Assert.Equal([EpubTestArchive.LocalizedImageTitle, "旧文件夹里的文章", EpubTestArchive.HostileTitle], toc[0].Entries.Select(e => e.Title));
    }

    [Fact]
    public void Since_reaches_back_as_far_as_asked()
    {
        var (report, book) = Write(Options(TimeSpan.FromDays(4)));

        Assert.Equal(5, report.Articles);
        Assert.Contains(EpubTestArchive.OldTitle, book.Toc()[0].Entries.Select(e => e.Title));
    }

    [Theory]
    [InlineData("dw")]
    [InlineData("德国之声")]
    public void Source_keeps_only_that_source_by_folder_or_name(string source)
    {
        var (report, book) = Write(Options(TimeSpan.FromDays(1), source));

        Assert.Equal(2, report.Articles);
        var section = Assert.Single(book.Toc());
        Assert.Equal("德国之声（2 篇）", section.Heading);
        Assert.EndsWith("德国之声", book.Package.Descendants(EpubBook.Dc + "title").Single().Value);
    }

    [Fact]
    public void Container_starts_with_the_mimetype_stored_uncompressed()
    {
        var (_, book) = Write(Options(TimeSpan.FromDays(1)));

        var bytes = book.Bytes;
        Assert.Equal("mimetype", book.EntryNames[0]);
        Assert.Equal([0x50, 0x4B, 0x03, 0x04], bytes[..4]);
        Assert.Equal(0, BitConverter.ToUInt16(bytes, 8)); // compression method: stored
        Assert.Equal(8, BitConverter.ToUInt16(bytes, 26)); // name length
        Assert.Equal(0, BitConverter.ToUInt16(bytes, 28)); // no extra field
        Assert.Equal("mimetypeapplication/epub+zip", System.Text.Encoding.ASCII.GetString(bytes, 30, 28));
        Assert.Equal("META-INF/container.xml", book.EntryNames[1]);
    }

    [Fact]
    public void Identifier_is_a_uuid_urn_stable_for_the_same_period_and_source()
    {
        var (_, first) = Write(Options(TimeSpan.FromDays(1)), "a.epub");
        var (_, again) = Write(Options(TimeSpan.FromDays(1)), "b.epub");
        var (_, oneSource) = Write(Options(TimeSpan.FromDays(1), "rfi"), "c.epub");
        var (_, longer) = Write(Options(TimeSpan.FromDays(7)), "d.epub");

        Assert.Matches("^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", first.Identifier);
        Assert.Equal(first.Identifier, again.Identifier);
        Assert.Equal(first.Bytes, again.Bytes);
        Assert.NotEqual(first.Identifier, oneSource.Identifier);
        Assert.NotEqual(first.Identifier, longer.Identifier);
        var modified = first.Package.Descendants(EpubBook.Opf + "meta").Single(m => (string?)m.Attribute("property") == "dcterms:modified").Value;
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", modified);
    }

    [Fact]
    public void Hostile_body_becomes_well_formed_sanitized_xhtml_with_its_language()
    {
        var (_, book) = Write(Options(TimeSpan.FromDays(1)));

        var document = book.Article(EpubTestArchive.HostileTitle);

        var html = document.Root!;
        Assert.Equal("zh-Hans", (string?)html.Attribute(XNamespace.Xml + "lang"));
        Assert.Equal("zh-Hans", (string?)html.Attribute("lang"));
        var elements = document.Descendants().ToList();
        Assert.DoesNotContain(elements, e => e.Name.LocalName is "script" or "iframe" or "font" or "center" or "time" or "dl" or "dd");
        Assert.DoesNotContain(elements.SelectMany(e => e.Attributes()), a => a.Name.LocalName is "style" or "onclick");
        Assert.DoesNotContain(elements, e => e.Name.LocalName == "img");
        var body = html.Element(EpubBook.Xhtml + "body")!.Value;
        Assert.Contains("第一段\u00A0文字©", body);
        Assert.Contains("& <tag>", body);
        Assert.DoesNotContain('\u0001', body);
        Assert.Contains("红字", body);
        Assert.Contains("格里的标题", body);
        var links = elements.Where(e => e.Name.LocalName == "a").ToDictionary(a => a.Value, a => (string?)a.Attribute("href"));
        Assert.Equal("https://cdn.example.org/remote.jpg", links["［远程图片］"]);
        Assert.Equal("https://www.youtube.com/embed/abc", links["［嵌入内容］"]);
        Assert.Null(links["脚本链接"]);
        Assert.Null(links["相对链接"]);
        Assert.Equal("https://example.org/%E5%A4%96%E9%93%BE?q=%E4%B8%AD%E6%96%87", links["外链"]);
        // Blocks nested where XHTML forbids them are flattened: no div inside a span or p, no p inside a heading.
        Assert.DoesNotContain(elements, e => e.Name.LocalName is "div" or "p" or "table" && e.Ancestors().Any(a => a.Name.LocalName is "span" or "p" or "h2" or "a" or "b"));
        Assert.All(elements.Where(e => e.Name.LocalName is "ul" or "ol"), list => Assert.All(list.Elements(), item => Assert.Equal("li", item.Name.LocalName)));
    }

    [Fact]
    public void Localized_image_is_carried_in_the_book_and_remote_images_become_links_or_text()
    {
        var (_, book) = Write(Options(TimeSpan.FromDays(1)));

        var document = book.Article(EpubTestArchive.LocalizedImageTitle);

        var image = Assert.Single(document.Descendants(EpubBook.Xhtml + "img"));
        var src = (string)image.Attribute("src")!;
        Assert.Matches("^images/[0-9a-f]{32}\\.png$", src);
        Assert.Equal("会场", (string?)image.Attribute("alt"));
        Assert.True(book.Has("EPUB/" + src));
        Assert.Contains(book.Package.Descendants(EpubBook.Opf + "item"), i => (string?)i.Attribute("href") == src && (string?)i.Attribute("media-type") == "image/png");
        var links = document.Descendants(EpubBook.Xhtml + "a").ToList();
        Assert.Contains(links, a => a.Value == "［记者会现场］" && (string?)a.Attribute("href") == "https://cdn.example.org/photo.jpg");
        // An image inside a link leaves its label, not a link within the link.
        Assert.Contains(links, a => a.Value == "［图片］" && (string?)a.Attribute("href") == "https://example.org/more");
        Assert.DoesNotContain(book.EntryNames, name => name.Contains("photo") || name.Contains("linked"));
        // A local image missing from the archive's assets leaves its alternative text.
        Assert.Contains("［缺失的图］", book.Article("德国经济数据公布").Root!.Value);
    }

    [Fact]
    public void Articles_link_their_original_and_show_source_and_china_time()
    {
        var (_, book) = Write(Options(TimeSpan.FromDays(1)));

        var document = book.Article(EpubTestArchive.TraditionalTitle);

        Assert.Equal(EpubTestArchive.TraditionalTitle, document.Descendants(EpubBook.Xhtml + "title").Single().Value);
        var meta = document.Descendants(EpubBook.Xhtml + "p").First();
        Assert.StartsWith("德国之声 · ", meta.Value);
        Assert.Contains("（北京时间）", meta.Value);
        Assert.Equal("https://example.org/dw/1048574", (string?)meta.Element(EpubBook.Xhtml + "a")!.Attribute("href"));
    }
}

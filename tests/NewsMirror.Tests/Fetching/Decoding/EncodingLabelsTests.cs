using System.Text;
using NewsMirror.Fetching.Decoding;

namespace NewsMirror.Tests.Fetching.Decoding;

/// <summary>Labels read as the WHATWG Encoding Standard reads them.</summary>
public class EncodingLabelsTests
{
    static EncodingLabelsTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Theory]
    [InlineData("iso-8859-1", "windows-1252")]
    [InlineData("Latin1", "windows-1252")]
    [InlineData("us-ascii", "windows-1252")]
    [InlineData(" \"ISO_8859-1\" ", "windows-1252")]
    [InlineData("gb2312", "GBK")]
    [InlineData("x-gbk", "GBK")]
    [InlineData("cp936", "GBK")]
    [InlineData("GB18030", "gb18030")]
    [InlineData("big5-hkscs", "Big5")]
    [InlineData("x-sjis", "Shift_JIS")]
    [InlineData("windows-31j", "Shift_JIS")]
    [InlineData("x-euc-jp", "EUC-JP")]
    [InlineData("ks_c_5601-1987", "EUC-KR")]
    [InlineData("koi8", "KOI8-R")]
    [InlineData("cp1251", "windows-1251")]
    [InlineData("iso-8859-9", "windows-1254")]
    [InlineData("tis-620", "windows-874")]
    [InlineData("utf8", "UTF-8")]
    [InlineData("unicode", "UTF-16LE")]
    [InlineData("utf-32", "UTF-32LE")]
    public void Labels_name_the_encoding_browsers_use(string label, string name) => Assert.Equal(name, EncodingLabels.Name(label));

    [Theory]
    [InlineData("x-no-such-charset")]
    [InlineData("hz-gb-2312")]
    [InlineData("")]
    public void Unknown_and_replacement_labels_name_nothing(string label) => Assert.Null(EncodingLabels.Name(label));

    [Fact]
    public void Latin1_and_ascii_labels_decode_windows_1252_punctuation()
    {
        byte[] bytes = [0x93, 0x4E, 0x65, 0x77, 0x73, 0x94, 0x20, 0x80, 0x35, 0x85];

        Assert.Equal("“News” €5…", EncodingLabels.Resolve("iso-8859-1")!.GetString(bytes));
        Assert.Equal("“News” €5…", EncodingLabels.Resolve("us-ascii")!.GetString(bytes));
    }

    [Fact]
    public void Gb2312_decodes_what_gb18030_adds_and_euc_kr_what_windows_949_adds()
    {
        // U+20000 exists only in GB18030's four-byte range; 똠 only in windows-949's extension of EUC-KR.
        Assert.Equal("𠀀", EncodingLabels.Resolve("gb2312")!.GetString(Encoding.GetEncoding("gb18030").GetBytes("𠀀")));
        Assert.Equal("똠", EncodingLabels.Resolve("euc-kr")!.GetString(Encoding.GetEncoding(949).GetBytes("똠")));
    }
}

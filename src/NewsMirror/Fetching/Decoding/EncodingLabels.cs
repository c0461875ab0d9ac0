using System.Text;

namespace NewsMirror.Fetching.Decoding;

/// <summary>
/// Charset labels to encodings as browsers read them: the WHATWG Encoding Standard's label table (so
/// <c>iso-8859-1</c>, <c>latin1</c> and <c>us-ascii</c> are windows-1252, <c>gb2312</c> is GBK, read by the
/// gb18030 decoder, <c>euc-kr</c> is windows-949), plus the few names feeds use that the table lacks
/// (<c>cp936</c>, <c>utf-32</c>, <c>shift-jis</c>…).
/// </summary>
public static class EncodingLabels
{
    static EncodingLabels() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>WHATWG encoding name → the .NET code page that decodes it (null: .NET has none).</summary>
    private static readonly Dictionary<string, int?> CodePages = new(StringComparer.Ordinal)
    {
        ["UTF-8"] = 65001, ["IBM866"] = 866, ["ISO-8859-2"] = 28592, ["ISO-8859-3"] = 28593, ["ISO-8859-4"] = 28594,
        ["ISO-8859-5"] = 28595, ["ISO-8859-6"] = 28596, ["ISO-8859-7"] = 28597, ["ISO-8859-8"] = 28598,
        ["ISO-8859-8-I"] = 38598, ["ISO-8859-10"] = null, ["ISO-8859-13"] = 28603, ["ISO-8859-14"] = null,
        ["ISO-8859-15"] = 28605, ["ISO-8859-16"] = null, ["KOI8-R"] = 20866, ["KOI8-U"] = 21866, ["macintosh"] = 10000,
        ["windows-874"] = 874, ["windows-1250"] = 1250, ["windows-1251"] = 1251, ["windows-1252"] = 1252,
        ["windows-1253"] = 1253, ["windows-1254"] = 1254, ["windows-1255"] = 1255, ["windows-1256"] = 1256,
        ["windows-1257"] = 1257, ["windows-1258"] = 1258, ["x-mac-cyrillic"] = 10007,
        // The standard decodes GBK with its gb18030 decoder (a superset), Big5 as Big5-HKSCS, EUC-KR as windows-949.
        ["GBK"] = 54936, ["gb18030"] = 54936, ["Big5"] = 950, ["EUC-JP"] = 51932, ["ISO-2022-JP"] = 50220,
        ["Shift_JIS"] = 932, ["EUC-KR"] = 949, ["UTF-16BE"] = 1201, ["UTF-16LE"] = 1200,
        // Not in the standard (browsers never meet them); XML feeds may.
        ["UTF-32LE"] = 12000, ["UTF-32BE"] = 12001,
    };

    private static readonly Dictionary<string, string> Names = BuildLabelTable();

    /// <summary>The encoding's name for a label ("latin1" → "windows-1252"), or null for a label no table knows.</summary>
    public static string? Name(string label) => Names.GetValueOrDefault(Normalize(label));

    /// <summary>The .NET encoding that decodes a label's bytes as browsers do, or null when unknown or unsupported.</summary>
    public static Encoding? Resolve(string label) => Name(label) is { } name ? ForName(name) : null;

    /// <summary>The .NET encoding for a name returned by <see cref="Name"/>.</summary>
    public static Encoding? ForName(string name) => CodePages.GetValueOrDefault(name) switch
    {
        null => null,
        65001 => Utf8,
        12000 => new UTF32Encoding(bigEndian: false, byteOrderMark: false),
        12001 => new UTF32Encoding(bigEndian: true, byteOrderMark: false),
        1200 => new UnicodeEncoding(bigEndian: false, byteOrderMark: false),
        1201 => new UnicodeEncoding(bigEndian: true, byteOrderMark: false),
        { } codePage => Encoding.GetEncoding(codePage),
    };

    /// <summary>True for the names of the UTF-16 and UTF-32 encodings, which ASCII-compatible bytes can never be in.</summary>
    public static bool IsWideUnicode(string name) => name is "UTF-16LE" or "UTF-16BE" or "UTF-32LE" or "UTF-32BE";

    /// <summary>UTF-8 without a preamble: the byte order mark, when there is one, is skipped by the decoder itself.</summary>
    internal static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Labels compare after trimming whitespace and quotes, case-insensitively (the standard trims ASCII whitespace).</summary>
    private static string Normalize(string label) => label.Trim().Trim('"', '\'').Trim().ToLowerInvariant();

    private static Dictionary<string, string> BuildLabelTable()
    {
        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string name, params string[] labels)
        {
            foreach (var label in labels)
                table.Add(label, name);
        }

        // The WHATWG Encoding Standard's labels ("replacement" ones left out: they are unknown here, so the bytes decide).
        Add("UTF-8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf-8", "utf8", "x-unicode20utf8");
        Add("IBM866", "866", "cp866", "csibm866", "ibm866");
        Add("ISO-8859-2", "csisolatin2", "iso-8859-2", "iso-ir-101", "iso8859-2", "iso88592", "iso_8859-2", "iso_8859-2:1987", "l2", "latin2");
        Add("ISO-8859-3", "csisolatin3", "iso-8859-3", "iso-ir-109", "iso8859-3", "iso88593", "iso_8859-3", "iso_8859-3:1988", "l3", "latin3");
        Add("ISO-8859-4", "csisolatin4", "iso-8859-4", "iso-ir-110", "iso8859-4", "iso88594", "iso_8859-4", "iso_8859-4:1988", "l4", "latin4");
        Add("ISO-8859-5", "csisolatincyrillic", "cyrillic", "iso-8859-5", "iso-ir-144", "iso8859-5", "iso88595", "iso_8859-5", "iso_8859-5:1988");
        Add("ISO-8859-6", "arabic", "asmo-708", "csiso88596e", "csiso88596i", "csisolatinarabic", "ecma-114", "iso-8859-6", "iso-8859-6-e",
            "iso-8859-6-i", "iso-ir-127", "iso8859-6", "iso88596", "iso_8859-6", "iso_8859-6:1987");
        Add("ISO-8859-7", "csisolatingreek", "ecma-118", "elot_928", "greek", "greek8", "iso-8859-7", "iso-ir-126", "iso8859-7", "iso88597",
            "iso_8859-7", "iso_8859-7:1987", "sun_eu_greek");
        Add("ISO-8859-8", "csiso88598e", "csisolatinhebrew", "hebrew", "iso-8859-8", "iso-8859-8-e", "iso-ir-138", "iso8859-8", "iso88598",
            "iso_8859-8", "iso_8859-8:1988", "visual");
        Add("ISO-8859-8-I", "csiso88598i", "iso-8859-8-i", "logical");
        Add("ISO-8859-10", "csisolatin6", "iso-8859-10", "iso-ir-157", "iso8859-10", "iso885910", "l6", "latin6");
        Add("ISO-8859-13", "iso-8859-13", "iso8859-13", "iso885913");
        Add("ISO-8859-14", "iso-8859-14", "iso8859-14", "iso885914");
        Add("ISO-8859-15", "csisolatin9", "iso-8859-15", "iso8859-15", "iso885915", "iso_8859-15", "l9");
        Add("ISO-8859-16", "iso-8859-16");
        Add("KOI8-R", "cskoi8r", "koi", "koi8", "koi8-r", "koi8_r");
        Add("KOI8-U", "koi8-ru", "koi8-u");
        Add("macintosh", "csmacintosh", "mac", "macintosh", "x-mac-roman");
        Add("windows-874", "dos-874", "iso-8859-11", "iso8859-11", "iso885911", "tis-620", "windows-874");
        Add("windows-1250", "cp1250", "windows-1250", "x-cp1250");
        Add("windows-1251", "cp1251", "windows-1251", "x-cp1251");
        Add("windows-1252", "ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819", "iso-8859-1", "iso-ir-100", "iso8859-1",
            "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1", "latin1", "us-ascii", "windows-1252", "x-cp1252");
        Add("windows-1253", "cp1253", "windows-1253", "x-cp1253");
        Add("windows-1254", "cp1254", "csisolatin5", "iso-8859-9", "iso-ir-148", "iso8859-9", "iso88599", "iso_8859-9", "iso_8859-9:1989",
            "l5", "latin5", "windows-1254", "x-cp1254");
        Add("windows-1255", "cp1255", "windows-1255", "x-cp1255");
        Add("windows-1256", "cp1256", "windows-1256", "x-cp1256");
        Add("windows-1257", "cp1257", "windows-1257", "x-cp1257");
        Add("windows-1258", "cp1258", "windows-1258", "x-cp1258");
        Add("x-mac-cyrillic", "x-mac-cyrillic", "x-mac-ukrainian");
        Add("GBK", "chinese", "csgb2312", "csiso58gb231280", "gb2312", "gb_2312", "gb_2312-80", "gbk", "iso-ir-58", "x-gbk");
        Add("gb18030", "gb18030");
        Add("Big5", "big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5");
        Add("EUC-JP", "cseucpkdfmtjapanese", "euc-jp", "x-euc-jp");
        Add("ISO-2022-JP", "csiso2022jp", "iso-2022-jp");
        Add("Shift_JIS", "csshiftjis", "ms932", "ms_kanji", "shift-jis", "shift_jis", "sjis", "windows-31j", "x-sjis");
        Add("EUC-KR", "cseuckr", "csksc56011987", "euc-kr", "iso-ir-149", "korean", "ks_c_5601-1987", "ks_c_5601-1989", "ksc5601",
            "ksc_5601", "windows-949");
        Add("UTF-16BE", "unicodefffe", "utf-16be");
        Add("UTF-16LE", "csunicode", "iso-10646-ucs-2", "ucs-2", "unicode", "unicodefeff", "utf-16", "utf-16le");

        // Names outside the standard that feeds and their servers write (Windows code page and Python codec names).
        Add("GBK", "cp936", "windows-936", "euc-cn", "x-euc-cn", "gb2312-80");
        Add("Big5", "cp950", "big5hkscs");
        Add("Shift_JIS", "cp932");
        Add("EUC-KR", "cp949", "uhc");
        Add("UTF-8", "utf_8");
        Add("UTF-32LE", "utf-32", "utf-32le", "ucs-4", "iso-10646-ucs-4");
        Add("UTF-32BE", "utf-32be");
        return table;
    }
}

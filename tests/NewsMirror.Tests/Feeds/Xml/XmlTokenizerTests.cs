using NewsMirror.Feeds;
using NewsMirror.Feeds.Xml;

namespace NewsMirror.Tests.Feeds.Xml;

public class XmlTokenizerTests
{
    private static List<string> Tokens(string xml, RecoveryLog? log = null)
    {
        var tokenizer = new XmlTokenizer(new StringReader(xml), log ?? new RecoveryLog());
        var tokens = new List<string>();
        while (tokenizer.Read())
        {
            tokens.Add(tokenizer.Kind switch
            {
                XmlTokenKind.StartTag => $"<{tokenizer.Name}{string.Concat(tokenizer.Attributes.Select(a => $" {a.Name}={a.Value}"))}{(tokenizer.IsSelfClosing ? "/" : "")}>",
                XmlTokenKind.EndTag => $"</{tokenizer.Name}>",
                _ => tokenizer.IsCData ? $"cdata:{tokenizer.Text}" : $"text:{tokenizer.Text}",
            });
        }
        return tokens;
    }

    [Fact]
    public void Tags_attributes_and_text_come_in_document_order()
    {
        Assert.Equal(
            ["<a:b x=1 y=two z=&>", "text:t<u>", "<c/>", "</a:b>"],
            Tokens("<a:b x=\"1\" y='two' z=\"&amp;\">t&lt;u&gt;<c/></a:b>"));
    }

    [Fact]
    public void Cdata_is_marked_and_kept_as_written()
    {
        Assert.Equal(["<d>", "cdata:<p>&amp;</p>", "</d>"], Tokens("<d><![CDATA[<p>&amp;</p>]]></d>"));
    }

    [Fact]
    public void Declarations_comments_doctype_and_processing_instructions_yield_no_tokens()
    {
        Assert.Equal(["<r>", "</r>"], Tokens("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY e \"x\">]><!-- c --><r><?pi x?></r>"));
    }

    [Fact]
    public void A_bare_less_than_starts_a_text_run_and_is_reported()
    {
        var log = new RecoveryLog();
        Assert.Equal(["<t>", "text:1 ", "text:< 2", "</t>"], Tokens("<t>1 < 2</t>", log));
        Assert.Contains("bare < kept as text", log.Messages);
    }
}

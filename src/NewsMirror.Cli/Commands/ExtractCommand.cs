using System.CommandLine;
using NewsMirror.Bodies;
using NewsMirror.Fetching;
using NewsMirror.Fetching.Decoding;
using NewsMirror.Urls;

namespace NewsMirror.Cli.Commands;

/// <summary><c>newsmirror extract URL|FILE [--url BASE] [--json]</c>: the readable article of one page.</summary>
internal static class ExtractCommand
{
    private const string UsageLine = "usage: newsmirror extract URL|FILE [--url BASE] [--json]";

    public static Command Create()
    {
        var source = new Argument<string>("page") { Description = "An http(s) URL to fetch, or an HTML file to read.", Arity = ArgumentArity.ZeroOrOne };
        var baseUrl = new Option<string>("--url") { Description = "The page's address: relative links resolve against it (default: the URL fetched).", Arity = ArgumentArity.ZeroOrOne };
        var json = new Option<bool>("--json") { Description = "Print one JSON object: title, byline, excerpt, siteName, lang, content, textLength." };
        var command = new Command("extract", "Extract the readable article of a web page and print its cleaned HTML.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.Arguments.Add(source);
        command.Options.Add(baseUrl);
        command.Options.Add(json);
        command.SetAction(async (result, cancel) =>
        {
            var output = result.InvocationConfiguration.Output;
            var log = GlobalOptions.Log(result);
            // Usage errors are reported here, not by the parser, so that they exit with 2.
            if (result.UnmatchedTokens.Count > 0) return Usage(log, $"unexpected argument {result.UnmatchedTokens[0]}");
            var page = result.GetValue(source);
            if (string.IsNullOrWhiteSpace(page)) return Usage(log, "a URL or file is required");
            var baseValue = result.GetValue(baseUrl);
            Uri? explicitBase = null;
            if (result.GetResult(baseUrl) is not null && !HttpUrl.TryParse(baseValue, out explicitBase)) return Usage(log, "--url needs an absolute http(s) URL");
            return await RunAsync(page, explicitBase, result.GetValue(json), output, log, cancel);
        });
        return command;
    }

    private static async Task<int> RunAsync(string page, Uri? explicitBase, bool json, TextWriter output, CliLog log, CancellationToken cancel)
    {
        DecodedText html;
        Uri? pageUrl;
        if (HttpUrl.TryParse(page, out var url))
        {
            try
            {
                (html, pageUrl) = await FetchAsync(url, cancel);
            }
            catch (FetchException e)
            {
                log.Error($"extract: could not fetch {page}: {e.Message}");
                return ExitCodes.NothingFound;
            }
        }
        else if (File.Exists(page))
        {
            html = DocumentDecoder.Decode(await File.ReadAllBytesAsync(page, cancel), null, DocumentKind.Page);
            pageUrl = null;
        }
        else
        {
            return Usage(log, $"no such file: {page}");
        }

        foreach (var note in html.Notes)
            log.Info($"extract: {note}");
        var article = PageArticle.Extract(html.Text, explicitBase ?? pageUrl);
        if (article is null)
        {
            log.Error("extract: no article content found");
            return ExitCodes.NothingFound;
        }
        await output.WriteLineAsync(json ? ArticleJson.Write(article) : PlainText(article));
        return ExitCodes.Ok;
    }

    private static string PlainText(ExtractedArticle article) =>
        article.Title is null ? article.Content : article.Title + Environment.NewLine + Environment.NewLine + article.Content;

    private static async Task<(DecodedText Html, Uri FinalUrl)> FetchAsync(Uri url, CancellationToken cancel)
    {
        using var fetcher = new HttpFetcher();
        var page = await fetcher.FetchAsync(url.ToString(), ".", cancel);
        return (DocumentDecoder.Decode(page.Body, page.ContentType, DocumentKind.Page), page.Url);
    }

    private static int Usage(CliLog log, string message)
    {
        log.Error($"extract: {message}; {UsageLine}");
        return ExitCodes.Usage;
    }
}

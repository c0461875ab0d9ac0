using NewsMirror.Catalog;
using NewsMirror.Publishing.Site;

namespace NewsMirror.Tests.Catalog;

/// <summary>The C# search tokenizer against the shared vectors (the site's JavaScript meets them in <c>SiteBrowserTests</c>).</summary>
public class TokenizerVectorTests
{
    public static TheoryData<TokenizerVector> Vectors => TokenizerVectors.Theory;

    private static string[] Split(string spaced) => spaced.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    [Theory]
    [MemberData(nameof(Vectors))]
    public void The_catalog_indexes_the_tokens_and_pairs_of_each_vector(TokenizerVector vector)
    {
        var (tokens, pairs) = SearchText.Tokenize(vector.Input);

        Assert.Equal(vector.Tokens, Split(tokens));
        Assert.Equal(vector.Pairs, Split(pairs));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Catalog_and_site_queries_look_up_the_query_terms_of_each_vector(TokenizerVector vector)
    {
        Assert.Equal(vector.Query, SearchQuery.Parse(vector.Input).Terms.SelectMany(t => t.Keys()).Distinct());
        Assert.Equal(vector.Query, SiteSearchTerms.QueryTerms(vector.Input));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void The_site_indexes_a_title_by_its_tokens_and_pairs(TokenizerVector vector)
    {
        Assert.Equal(vector.Tokens.Concat(vector.Pairs).Distinct(), SiteSearchTerms.IndexTerms(vector.Input));
    }
}

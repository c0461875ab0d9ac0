using System.Net;
using NewsMirror.Fetching;
using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Fetching;

public class AddressGuardTests
{
    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.255.255.254", "loopback")]
    [InlineData("10.1.2.3", "private")]
    [InlineData("172.16.0.1", "private")]
    [InlineData("172.31.255.255", "private")]
    [InlineData("192.168.1.1", "private")]
    [InlineData("169.254.169.254", "link-local (cloud metadata)")]
    [InlineData("100.64.0.1", "shared (CGNAT)")]
    [InlineData("100.100.100.200", "shared (CGNAT)")]
    [InlineData("192.0.0.192", "reserved (cloud metadata)")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("224.0.0.1", "multicast")]
    [InlineData("255.255.255.255", "reserved or broadcast")]
    [InlineData("::", "unspecified")]
    [InlineData("::1", "loopback")]
    [InlineData("fc00::1", "private (unique local)")]
    [InlineData("fd00:ec2::254", "private (unique local)")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("::ffff:127.0.0.1", "loopback")]
    [InlineData("::ffff:169.254.169.254", "link-local (cloud metadata)")]
    [InlineData("::ffff:a00:1", "private")]
    [InlineData("64:ff9b::7f00:1", "loopback")]
    [InlineData("2002:c0a8:101::1", "private")]
    [InlineData("::127.0.0.1", "IPv4-compatible")]
    public void Refuses_non_public_addresses_with_their_kind(string address, string kind) =>
        Assert.Equal(kind, AddressGuard.Refusal(IPAddress.Parse(address)));

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("2606:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("64:ff9b::808:808")]
    public void Lets_public_addresses_through(string address) =>
        Assert.Null(AddressGuard.Refusal(IPAddress.Parse(address)));

    /// <summary>Forms that inet_aton and .NET accept for 127.0.0.1 or 169.254.169.254: whatever the spelling, the parsed address is judged.</summary>
    [Theory]
    [InlineData("2130706433", "loopback")]
    [InlineData("0x7f000001", "loopback")]
    [InlineData("0177.0.0.1", "loopback")]
    [InlineData("127.1", "loopback")]
    [InlineData("0xA9.0xFE.0xA9.0xFE", "link-local (cloud metadata)")]
    [InlineData("2852039166", "link-local (cloud metadata)")]
    public void Refuses_decimal_hex_and_octal_spellings(string host, string kind)
    {
        Assert.True(IPAddress.TryParse(host, out var address), host);
        Assert.Equal(kind, AddressGuard.Refusal(address));
    }

    [Fact]
    public void A_policy_allows_listed_hosts_addresses_and_ranges_only()
    {
        var policy = new AddressPolicy(false, ["intranet.example", "127.0.0.1", "10.0.0.0/8"]);

        Assert.Null(policy.Refusal("intranet.example", IPAddress.Parse("192.168.1.1")));
        Assert.Null(policy.Refusal("localhost", IPAddress.Parse("127.0.0.1")));
        Assert.Null(policy.Refusal("localhost", IPAddress.Parse("::ffff:127.0.0.1")));
        Assert.Null(policy.Refusal("a.example", IPAddress.Parse("10.9.8.7")));
        Assert.Equal("loopback", policy.Refusal("localhost", IPAddress.Parse("127.0.0.2")));
        Assert.Equal("private", policy.Refusal("b.example", IPAddress.Parse("192.168.1.1")));
        Assert.Null(new AddressPolicy(true, []).Refusal("x", IPAddress.Parse("169.254.169.254")));
        Assert.Throws<FormatException>(() => new AddressPolicy(false, ["not a host/"]));
    }

    [Fact]
    public void Policies_that_allow_the_same_share_a_key()
    {
        Assert.Equal(new AddressPolicy(false, ["b.example", "A.example"]).Key, new AddressPolicy(false, ["a.example", "b.example"]).Key);
        Assert.NotEqual(AddressPolicy.PublicOnly.Key, new AddressPolicy(false, ["127.0.0.1"]).Key);
        Assert.NotEqual(AddressPolicy.PublicOnly.Key, new AddressPolicy(true, []).Key);
    }

    /// <summary>Through the real connect step: every spelling of loopback reaches the check after resolution, and is refused.</summary>
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    [InlineData("2130706433")]
    [InlineData("0x7f000001")]
    [InlineData("0177.0.0.1")]
    [InlineData("127.1")]
    [InlineData("[::ffff:127.0.0.1]")]
    public async Task Untrusted_fetches_to_loopback_are_refused_in_any_spelling_unless_allowed(string host)
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Serve("page", "<p>secret</p>", "text/html");
        using var fetcher = new HttpFetcher(new FetchLimits { Timeout = TimeSpan.FromSeconds(5) });
        var url = $"http://{host}:{server.BaseUrl.Port}/page";

        var refused = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchUntrustedAsync(url, AddressPolicy.PublicOnly, CancellationToken.None));
        Assert.Contains("is a loopback address", refused.Message);
        Assert.Empty(server.Requests);

        var allowed = await fetcher.FetchUntrustedAsync(url, new AddressPolicy(false, ["127.0.0.0/8"]), CancellationToken.None);
        Assert.Equal("<p>secret</p>", System.Text.Encoding.UTF8.GetString(allowed.Body));
    }

    [Fact]
    public async Task A_redirect_from_an_allowed_host_to_a_refused_one_is_refused()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Handle("hop", c => { c.Response.Redirect($"http://127.0.0.2:{server.BaseUrl.Port}/page"); return Task.CompletedTask; });
        using var fetcher = new HttpFetcher(new FetchLimits { Timeout = TimeSpan.FromSeconds(5) });

        var refused = await Assert.ThrowsAsync<FetchException>(() =>
            fetcher.FetchUntrustedAsync(server.Url("hop"), new AddressPolicy(false, ["127.0.0.1"]), CancellationToken.None));

        Assert.Contains("127.0.0.2 is a loopback address", refused.Message);
        Assert.Equal(["/hop"], server.Requests);
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("../../etc/passwd")]
    [InlineData("ftp://example.org/x")]
    public async Task Untrusted_addresses_never_read_local_files(string address)
    {
        using var fetcher = new HttpFetcher();
        var e = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchUntrustedAsync(address, new AddressPolicy(true, []), CancellationToken.None));
        Assert.Equal("not an http(s) address", e.Message);
    }
}

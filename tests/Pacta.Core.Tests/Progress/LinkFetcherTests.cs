using System.Net;
using System.Security.Cryptography;
using Pacta.Core.Progress;

namespace Pacta.Core.Tests.Progress;

/// <summary>
/// <see cref="LinkFetcher"/> against a <see cref="LinkServer"/> on loopback: what it hashes, what it refuses, and that a
/// refused address is never connected to. Loopback is private, so each test says which addresses it allows.
/// </summary>
public sealed class LinkFetcherTests : IAsyncDisposable
{
    private static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n"u8.ToArray();
    private readonly LinkServer _server = new();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static LinkFetcher Fetcher(bool allowPrivate = false, long maxBytes = 4096, int timeoutSeconds = 10, params string[] networks) =>
        new(new LinkFetchOptions(maxBytes, TimeSpan.FromSeconds(timeoutSeconds), allowPrivate, [.. networks.Select(IPNetwork.Parse)]));

    [Fact]
    public async Task Fetch_WhenPrivateAddressesAreAllowed_HashesTheBodyServed()
    {
        _server.Serve("/informe.pdf", Pdf, "text/html");
        using var fetcher = Fetcher(allowPrivate: true);

        var fetch = await fetcher.FetchAsync(_server.Link("/informe.pdf"));

        Assert.Null(fetch.Failure);
        Assert.Equal(new FetchedLink(Convert.ToHexStringLower(SHA256.HashData(Pdf)), Pdf.Length, "application/pdf"), fetch.Content); // the content's type, not the server's claim
    }

    [Fact]
    public async Task Fetch_Loopback_WhenPrivateAddressesAreNotAllowed_IsRefusedWithoutARequest()
    {
        _server.Serve("/informe.pdf", Pdf);
        using var fetcher = Fetcher();

        var port = _server.Origin[(_server.Origin.LastIndexOf(':') + 1)..];

        var fetch = await fetcher.FetchAsync(_server.Link("/informe.pdf"));
        // Judged by what the name resolves to and the address connected to, not by how the link is written.
        var byName = await fetcher.FetchAsync($"http://localhost:{port}/informe.pdf");
        var asANumber = await fetcher.FetchAsync($"http://2130706433:{port}/informe.pdf");

        Assert.Equal(LinkFetchFailure.AddressNotAllowed, fetch.Failure);
        Assert.Null(fetch.Content);
        Assert.Equal(LinkFetchFailure.AddressNotAllowed, byName.Failure);
        Assert.Equal(LinkFetchFailure.AddressNotAllowed, asANumber.Failure);
        Assert.Equal(0, _server.Requests);
    }

    [Fact]
    public async Task Fetch_IPv6Loopback_IsJudgedByItsAddress()
    {
        await using var v6 = new LinkServer("::1");
        v6.Serve("/datos.csv", "a,b\n1,2\n"u8.ToArray());

        using (var refusing = Fetcher())
            Assert.Equal(LinkFetchFailure.AddressNotAllowed, (await refusing.FetchAsync(v6.Link("/datos.csv"))).Failure);
        Assert.Equal(0, v6.Requests);
        using var allowing = Fetcher(allowPrivate: true);
        Assert.Equal("text/plain; charset=utf-8", (await allowing.FetchAsync(v6.Link("/datos.csv"))).Content?.MediaType);
    }

    [Fact]
    public async Task Fetch_ARedirect_IsFollowedAndEachHopChecked()
    {
        await using var other = new LinkServer("127.0.0.2");
        other.Serve("/secreto", Pdf);
        _server.Serve("/informe.pdf", Pdf).Redirect("/viejo", "/informe.pdf", 301).Redirect("/interno", other.Link("/secreto"));
        using var fetcher = Fetcher(networks: "127.0.0.1/32");

        var followed = await fetcher.FetchAsync(_server.Link("/viejo"));
        var inside = await fetcher.FetchAsync(_server.Link("/interno"));

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Pdf)), followed.Content?.Sha256);
        Assert.Equal(LinkFetchFailure.AddressNotAllowed, inside.Failure);
        Assert.Equal(0, other.Requests);
    }

    [Fact]
    public async Task Fetch_TooManyRedirects_OrToAnotherScheme_IsNotHashed()
    {
        for (var i = 0; i <= LinkFetcher.MaxRedirects; i++) _server.Redirect($"/r{i}", $"/r{i + 1}");
        _server.Serve($"/r{LinkFetcher.MaxRedirects + 1}", Pdf).Redirect("/ftp", "ftp://127.0.0.1/informe.pdf").Redirect("/file", "file:///etc/passwd");
        using var fetcher = Fetcher(allowPrivate: true);

        Assert.Equal(Pdf.Length, (await fetcher.FetchAsync(_server.Link("/r1"))).Content?.Size); // five redirects: followed
        Assert.Equal(LinkFetchFailure.TooManyRedirects, (await fetcher.FetchAsync(_server.Link("/r0"))).Failure);
        Assert.Equal(LinkFetchFailure.NotHttp, (await fetcher.FetchAsync(_server.Link("/ftp"))).Failure);
        Assert.Equal(LinkFetchFailure.NotHttp, (await fetcher.FetchAsync(_server.Link("/file"))).Failure);
    }

    [Fact]
    public async Task Fetch_ABodyOverTheLimit_IsNotHashed_WithOrWithoutItsLength()
    {
        var big = new byte[4097];
        _server.Serve("/grande", big).Serve("/grande-por-partes", big, chunked: true).Serve("/justo", big[..4096], chunked: true);
        using var fetcher = Fetcher(allowPrivate: true, maxBytes: 4096);

        Assert.Equal(LinkFetchFailure.TooLarge, (await fetcher.FetchAsync(_server.Link("/grande"))).Failure);
        Assert.Equal(LinkFetchFailure.TooLarge, (await fetcher.FetchAsync(_server.Link("/grande-por-partes"))).Failure);
        Assert.Equal(4096, (await fetcher.FetchAsync(_server.Link("/justo"))).Content?.Size);
    }

    [Theory]
    [InlineData(404)]
    [InlineData(500)]
    [InlineData(304)] // a redirect status without a Location
    public async Task Fetch_AStatusOtherThan2xx_IsNotHashed(int status)
    {
        _server.Status("/respuesta", status);
        using var fetcher = Fetcher(allowPrivate: true);

        var fetch = await fetcher.FetchAsync(_server.Link("/respuesta"));

        Assert.Equal((LinkFetchFailure.NotSuccessful, status), (fetch.Failure, fetch.Status));
        Assert.Null(fetch.Content);
    }

    [Fact]
    public async Task Fetch_AServerThatDoesNotAnswer_TimesOut()
    {
        _server.Silent("/lento");
        using var fetcher = Fetcher(allowPrivate: true, timeoutSeconds: 1);

        Assert.Equal(LinkFetchFailure.Timeout, (await fetcher.FetchAsync(_server.Link("/lento"))).Failure);
    }

    [Fact]
    public async Task Fetch_NothingListening_IsAConnectionFailure()
    {
        var port = _server.Origin[(_server.Origin.LastIndexOf(':') + 1)..];
        await _server.DisposeAsync();
        using var fetcher = Fetcher(allowPrivate: true);

        Assert.Equal(LinkFetchFailure.ConnectionFailed, (await fetcher.FetchAsync($"http://127.0.0.1:{port}/informe.pdf")).Failure);
    }
}

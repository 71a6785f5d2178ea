using System.Net;
using Pacta.Core.Verification;

namespace Pacta.Core.Tests.Verification;

public sealed class HttpLogSourceTests
{
    private sealed class Answer(HttpStatusCode status, HttpContent? content = null) : HttpMessageHandler
    {
        public Uri? Asked { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Asked = request.RequestUri;
            return Task.FromResult(new HttpResponseMessage(status) { Content = content ?? new ByteArrayContent([]) });
        }
    }

    private static async Task<(byte[]? Bytes, Uri? Asked)> GetAsync(Answer answer, string path = "tile/0/000", int max = 100)
    {
        using var client = new HttpClient(answer);
        var bytes = await new HttpLogSource(client, new Uri("http://log.example/prefix")).GetAsync(path, max, CancellationToken.None);
        return (bytes, answer.Asked);
    }

    [Fact]
    public async Task Ok_GivesTheBytes_ResolvedUnderThePrefix()
    {
        var (bytes, asked) = await GetAsync(new Answer(HttpStatusCode.OK, new ByteArrayContent([1, 2, 3])));

        Assert.Equal([1, 2, 3], bytes);
        Assert.Equal(new Uri("http://log.example/prefix/tile/0/000"), asked);
    }

    [Fact]
    public async Task NotFound_IsNull() => Assert.Null((await GetAsync(new Answer(HttpStatusCode.NotFound))).Bytes);

    [Fact]
    public async Task ServerError_IsAReadFailure()
    {
        var error = await Assert.ThrowsAsync<LogSourceException>(() => GetAsync(new Answer(HttpStatusCode.InternalServerError)));

        Assert.Equal("http://log.example/prefix/tile/0/000: the server answered 500 Internal Server Error", error.Message);
    }

    [Fact]
    public async Task BodyOverTheLimit_IsRefused_WithOrWithoutADeclaredLength()
    {
        await Assert.ThrowsAsync<LogSourceException>(() => GetAsync(new Answer(HttpStatusCode.OK, new ByteArrayContent(new byte[101]))));
        // No Content-Length (a chunked body): counted as it arrives.
        await Assert.ThrowsAsync<LogSourceException>(() => GetAsync(new Answer(HttpStatusCode.OK, new StreamContent(new UnseekableStream(new byte[101])))));
        Assert.Equal(100, (await GetAsync(new Answer(HttpStatusCode.OK, new StreamContent(new UnseekableStream(new byte[100]))))).Bytes!.Length);
    }

    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}

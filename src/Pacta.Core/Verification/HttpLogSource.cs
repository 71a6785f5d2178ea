using System.Net;

namespace Pacta.Core.Verification;

/// <summary>Reads a tlog-tiles log over HTTP(S) from the prefix <paramref name="prefix"/> (which ends in '/').</summary>
/// <remarks>The caller owns <paramref name="client"/>: its timeout and User-Agent are the caller's choice.</remarks>
public sealed class HttpLogSource(HttpClient client, Uri prefix) : ILogSource
{
    /// <summary>The prefix every path is resolved against, e.g. <c>https://example.org/record/</c>.</summary>
    public Uri Prefix { get; } = prefix.AbsoluteUri.EndsWith('/') ? prefix : new Uri(prefix.AbsoluteUri + "/");

    /// <inheritdoc />
    public async Task<byte[]?> GetAsync(string path, int maxBytes, CancellationToken cancellationToken)
    {
        var uri = new Uri(Prefix, path);
        try
        {
            using var response = await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound) return null;
            if (response.StatusCode != HttpStatusCode.OK)
                throw new LogSourceException($"{uri}: the server answered {(int)response.StatusCode} {response.ReasonPhrase}");
            if (response.Content.Headers.ContentLength > maxBytes)
                throw new LogSourceException($"{uri}: {response.Content.Headers.ContentLength} bytes, more than the {maxBytes} it can hold");
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            return await ReadLimitedAsync(body, maxBytes, uri, response.Content.Headers.ContentLength, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new LogSourceException($"{uri}: {e.Message}", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new LogSourceException($"{uri}: no answer within {client.Timeout.TotalSeconds:0} s", e);
        }
    }

    private static async Task<byte[]> ReadLimitedAsync(Stream body, int maxBytes, Uri uri, long? length, CancellationToken cancellationToken)
    {
        if (length is { } known)
        {
            // The usual case: read straight into an array of the declared size (a bundle is up to 16 MiB; no copies).
            var bytes = new byte[known];
            try
            {
                await body.ReadExactlyAsync(bytes, cancellationToken);
            }
            catch (EndOfStreamException e)
            {
                throw new LogSourceException($"{uri}: the body ended before its declared {known} bytes", e);
            }
            return bytes;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
                throw new LogSourceException($"{uri}: more than the {maxBytes} bytes it can hold");
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}

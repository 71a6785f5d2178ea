using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;

namespace Pacta.Core.Progress;

/// <summary>How <see cref="LinkFetcher"/> fetches: the most it reads, how long one link may take, and which addresses besides public ones it may connect to.</summary>
public sealed record LinkFetchOptions(long MaxBytes, TimeSpan Timeout, bool AllowPrivateAddresses, IReadOnlyList<IPNetwork> AllowedNetworks)
{
    public const int DefaultTimeoutSeconds = 10;

    public static LinkFetchOptions Default { get; } = new(EvidenceFiles.MaxBytes, TimeSpan.FromSeconds(DefaultTimeoutSeconds), false, []);
}

/// <summary>Why a link's content has no hash.</summary>
public enum LinkFetchFailure
{
    /// <summary>Its host resolves only to addresses Pacta does not connect to (loopback, private, link-local…).</summary>
    AddressNotAllowed,
    NameNotFound,
    ConnectionFailed,
    Timeout,

    /// <summary>The server answered with a status other than 2xx (in <see cref="LinkFetch.Status"/>).</summary>
    NotSuccessful,
    TooLarge,
    TooManyRedirects,

    /// <summary>It, or where it redirects, is not an http or https address without user information.</summary>
    NotHttp,

    /// <summary>TLS, or the server broke HTTP.</summary>
    Failed,
}

/// <summary>What fetching one link gave: its content's hash, size and type, or why there is none.</summary>
public sealed record LinkFetch(FetchedLink? Content, LinkFetchFailure? Failure, int? Status = null)
{
    public static LinkFetch Fail(LinkFetchFailure failure, int? status = null) => new(null, failure, status);
}

/// <summary>
/// Fetches the links of a progress report to record the SHA-256 of what they served (<c>Pacta:Progress:FetchLinks</c>):
/// GET, http and https only, at most <see cref="MaxRedirects"/> redirects, the body streamed into the hash and never kept.
/// </summary>
/// <remarks>
/// Every connection, the first and each redirect's, is made by <see cref="ConnectAsync"/>: it resolves the host itself
/// and connects only to an address <see cref="LinkAddresses"/> allows, so the address checked is the address used (a
/// name that resolves differently on a second lookup, DNS rebinding, cannot pass). No proxy (it would connect for us, to
/// an address we never saw), no cookies, no credentials, no decompression: the bytes hashed are the bytes served, as
/// <c>curl -sL</c> saves them. A hash is returned only for a whole 2xx body within <see cref="LinkFetchOptions.MaxBytes"/>.
/// </remarks>
public sealed class LinkFetcher : IDisposable
{
    public const int MaxRedirects = 5;

    /// <summary>Fetches at once across all reports: a member's ten links cannot become a flood.</summary>
    public const int MaxConcurrent = 8;

    private readonly LinkFetchOptions _options;
    private readonly HttpClient _client;
    private readonly SemaphoreSlim _slots = new(MaxConcurrent);

    public LinkFetcher(LinkFetchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _client = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            Credentials = null,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectCallback = ConnectAsync,
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
            MaxResponseHeadersLength = 64,
        })
        {
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd("Pacta/1.0 (evidence-link-hash)");
        _client.DefaultRequestHeaders.AcceptEncoding.ParseAdd("identity");
    }

    /// <summary>Fetches every link at once; each result in the order of <paramref name="urls"/>.</summary>
    public async Task<IReadOnlyList<LinkFetch>> FetchAllAsync(IEnumerable<string> urls, CancellationToken cancellationToken = default) =>
        await Task.WhenAll(urls.Select(u => FetchAsync(u, cancellationToken)));

    public async Task<LinkFetch> FetchAsync(string url, CancellationToken cancellationToken = default)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !IsHttp(uri)) return LinkFetch.Fail(LinkFetchFailure.NotHttp);
        await _slots.WaitAsync(cancellationToken);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.Timeout);
            try
            {
                return await FetchAsync(uri, timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return LinkFetch.Fail(LinkFetchFailure.Timeout);
            }
            catch (HttpRequestException e)
            {
                return LinkFetch.Fail(Classify(e));
            }
            catch (IOException e)
            {
                return LinkFetch.Fail(Classify(e));
            }
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task<LinkFetch> FetchAsync(Uri uri, CancellationToken cancellationToken)
    {
        for (var redirects = 0; ; redirects++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            if (status is >= 300 and < 400 && response.Headers.Location is { } location)
            {
                if (redirects == MaxRedirects) return LinkFetch.Fail(LinkFetchFailure.TooManyRedirects, status);
                uri = new Uri(uri, location);
                if (!IsHttp(uri)) return LinkFetch.Fail(LinkFetchFailure.NotHttp, status);
                continue;
            }
            if (status is < 200 or >= 300) return LinkFetch.Fail(LinkFetchFailure.NotSuccessful, status);
            if (response.Content.Headers.ContentLength > _options.MaxBytes) return LinkFetch.Fail(LinkFetchFailure.TooLarge, status);
            return await HashAsync(response.Content, cancellationToken) is { } content ? new LinkFetch(content, null, status) : LinkFetch.Fail(LinkFetchFailure.TooLarge, status);
        }
    }

    /// <summary>The body's SHA-256, size and type, or null when it passes the limit (then it is not read further).</summary>
    private async Task<FetchedLink?> HashAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var body = await content.ReadAsStreamAsync(cancellationToken);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var head = new byte[EvidenceTypes.LinkHeadBytes];
        var headLength = 0;
        long size = 0;
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                size += read;
                if (size > _options.MaxBytes) return null;
                hash.AppendData(buffer, 0, read);
                var copy = Math.Min(read, head.Length - headLength);
                buffer.AsSpan(0, copy).CopyTo(head.AsSpan(headLength));
                headLength += copy;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return new FetchedLink(Convert.ToHexStringLower(hash.GetHashAndReset()), size, EvidenceTypes.SniffLink(head.AsSpan(0, headLength), whole: size == headLength));
    }

    /// <summary>Resolves the host and connects to the first allowed address that answers; none allowed: <see cref="AddressNotAllowedException"/>.</summary>
    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = addresses.Where(a => LinkAddresses.IsAllowed(a, _options.AllowPrivateAddresses, _options.AllowedNetworks)).ToList();
        if (allowed.Count == 0) throw new AddressNotAllowedException(host);
        SocketException? last = null;
        foreach (var address in allowed)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        throw last!;
    }

    private static bool IsHttp(Uri uri) => uri.Scheme is "http" or "https" && uri.UserInfo.Length == 0;

    private static LinkFetchFailure Classify(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case AddressNotAllowedException:
                    return LinkFetchFailure.AddressNotAllowed;
                case SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain }:
                    return LinkFetchFailure.NameNotFound;
                case SocketException:
                    return LinkFetchFailure.ConnectionFailed;
                case AuthenticationException:
                    return LinkFetchFailure.Failed;
            }
        }
        return exception is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } ? LinkFetchFailure.NameNotFound
            : exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } ? LinkFetchFailure.ConnectionFailed
            : LinkFetchFailure.Failed;
    }

    public void Dispose()
    {
        _client.Dispose();
        _slots.Dispose();
    }

    private sealed class AddressNotAllowedException(string host) : Exception($"{host} resolves to no address Pacta may fetch from.");
}

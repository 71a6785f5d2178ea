using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Pacta.Testing;

/// <summary>
/// A small HTTP/1.1 server on a loopback address, for tests of fetching links: answers each request from canned
/// answers by path (404 otherwise), one request per connection, and counts the requests. Started by the test that uses
/// it, on a port the system picks, and stopped with it; it never listens beyond loopback.
/// </summary>
public sealed class LinkServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, Func<Stream, CancellationToken, Task>> _answers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _requests = new(StringComparer.Ordinal);
    private readonly Task _loop;

    public LinkServer(string address = "127.0.0.1")
    {
        var ip = IPAddress.Parse(address);
        if (!IPAddress.IsLoopback(ip)) throw new ArgumentException("Test servers listen on loopback only.", nameof(address));
        _listener = new TcpListener(ip, 0);
        _listener.Start();
        var port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        Origin = ip.AddressFamily == AddressFamily.InterNetworkV6 ? $"http://[{ip}]:{port}" : $"http://{ip}:{port}";
        _loop = AcceptAsync();
    }

    /// <summary><c>http://127.0.0.1:port</c>: the start of every link to this server.</summary>
    public string Origin { get; }

    public string Link(string path) => Origin + path;

    /// <summary>Requests to every path so far.</summary>
    public int Requests => _requests.Values.Sum();

    public int RequestsTo(string path) => _requests.GetValueOrDefault(path);

    /// <summary>Answers <paramref name="path"/> with 200 and <paramref name="body"/>, with a Content-Length or chunked (then its length is known only by reading it).</summary>
    public LinkServer Serve(string path, byte[] body, string contentType = "application/octet-stream", bool chunked = false)
    {
        _answers[path] = async (stream, ct) =>
        {
            await WriteHeadAsync(stream, 200, "OK", [("Content-Type", contentType), chunked ? ("Transfer-Encoding", "chunked") : ("Content-Length", body.Length.ToString(CultureInfo.InvariantCulture))], ct);
            if (!chunked)
            {
                await stream.WriteAsync(body, ct);
                return;
            }
            foreach (var chunk in body.Chunk(1000))
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes($"{chunk.Length:x}\r\n"), ct);
                await stream.WriteAsync(chunk, ct);
                await stream.WriteAsync("\r\n"u8.ToArray(), ct);
            }
            await stream.WriteAsync("0\r\n\r\n"u8.ToArray(), ct);
        };
        return this;
    }

    /// <summary>Answers <paramref name="path"/> with <paramref name="status"/> and a short text.</summary>
    public LinkServer Status(string path, int status)
    {
        var body = Encoding.UTF8.GetBytes($"status {status}\n");
        _answers[path] = (stream, ct) => WriteAsync(stream, status, [("Content-Type", "text/plain"), ("Content-Length", body.Length.ToString(CultureInfo.InvariantCulture))], body, ct);
        return this;
    }

    /// <summary>Answers <paramref name="path"/> with a redirect to <paramref name="location"/>.</summary>
    public LinkServer Redirect(string path, string location, int status = 302)
    {
        _answers[path] = (stream, ct) => WriteAsync(stream, status, [("Location", location), ("Content-Length", "0")], [], ct);
        return this;
    }

    /// <summary>Accepts the request on <paramref name="path"/> and never answers (until the server stops).</summary>
    public LinkServer Silent(string path)
    {
        _answers[path] = (_, ct) => Task.Delay(Timeout.Infinite, ct);
        return this;
    }

    private static async Task WriteAsync(Stream stream, int status, (string, string)[] headers, byte[] body, CancellationToken ct)
    {
        await WriteHeadAsync(stream, status, status < 400 ? "Fine" : "Not fine", headers, ct);
        await stream.WriteAsync(body, ct);
    }

    private static async Task WriteHeadAsync(Stream stream, int status, string reason, (string Name, string Value)[] headers, CancellationToken ct)
    {
        var head = new StringBuilder().Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {reason}\r\nConnection: close\r\n");
        foreach (var (name, value) in headers) head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        head.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), ct);
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = Task.Run(() => AnswerAsync(client));
        }
    }

    private async Task AnswerAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var head = new StringBuilder();
                var buffer = new byte[1];
                while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && head.Length < 16384)
                {
                    if (await stream.ReadAsync(buffer, _stop.Token) == 0) return;
                    head.Append((char)buffer[0]);
                }
                var path = head.ToString().Split(' ')[1];
                _requests.AddOrUpdate(path, 1, (_, n) => n + 1);
                var answer = _answers.GetValueOrDefault(path) ?? ((stream, ct) => WriteAsync(stream, 404, [("Content-Length", "0")], [], ct));
                await answer(stream, _stop.Token);
                await stream.FlushAsync(_stop.Token);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // The client went away, or the server is stopping.
            }
        }
    }

    private int _disposed;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop;
        _stop.Dispose();
    }
}

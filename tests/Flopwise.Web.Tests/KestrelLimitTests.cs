using System.Net;
using System.Text;
using Flopwise.Web.Tests.Support;

namespace Flopwise.Web.Tests;

/// <summary>Body size limits on the real server, with bodies sent chunked (no Content-Length to refuse up front).</summary>
public sealed class KestrelLimitTests(KestrelFixture server) : IClassFixture<KestrelFixture>
{
    [Fact]
    public async Task ChunkedUpload_Over10MB_Answers413()
    {
        using HttpClient client = server.CreateClient();
        using var form = new MultipartFormDataContent();
        using var file = new StreamContent(new ChunkedStream(11_000_000));
        form.Add(file, "file", "big.csv");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/fit") { Content = form };
        request.Headers.TransferEncodingChunked = true;
        HttpResponseMessage response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task JsonBody_Over1MB_Answers413()
    {
        using HttpClient client = server.CreateClient();
        string json = "{\"compute\": \"3e25\", \"padding\": \"" + new string('x', 1_100_000) + "\"}";
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/copies") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        HttpResponseMessage response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Calculator_AnswersOverRealHttp()
    {
        using HttpClient client = server.CreateClient();
        string json = await Http.Ok(await client.GetAsync(new Uri("/api/copies?compute=3e25", UriKind.Relative)));
        Assert.Contains("\"parallelTasks\": 424264.06871192856", json, StringComparison.Ordinal);
    }

    /// <summary>A stream of CSV-looking bytes of a given length whose length is not known to the sender.</summary>
    private sealed class ChunkedStream(long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = (int)Math.Min(count, length - _position);
            Array.Fill(buffer, (byte)'1', offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

namespace Notes.Api.Features.Transfer.Export;

/// <summary>
/// The response as a zip archive writes to it. The archive writes part of each file synchronously (closing a file's deflate stream
/// has no asynchronous path in .NET 10: its DisposeAsync disposes synchronously), which the server refuses, so writes gather here
/// and go out asynchronously when the export sends them: between two sends this holds what was written since, a few files.
/// </summary>
internal sealed class WriteBehindStream(Stream response) : Stream
{
    readonly MemoryStream _pending = new();

    /// <summary>Bytes written and not yet sent.</summary>
    public long Pending => _pending.Length;

    /// <summary>Sends what was written onto the wire, waiting while a slow reader has not taken the last bytes.</summary>
    public async Task SendAsync(CancellationToken ct)
    {
        if (_pending.Length > 0)
        {
            await response.WriteAsync(_pending.GetBuffer().AsMemory(0, (int)_pending.Length), ct);
            _pending.SetLength(0);
        }
        await response.FlushAsync(ct);
    }

    public override void Write(byte[] buffer, int offset, int count) => _pending.Write(buffer, offset, count);

    public override void Write(ReadOnlySpan<byte> buffer) => _pending.Write(buffer);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        _pending.Write(buffer, offset, count);
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _pending.Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    // What was written goes out with SendAsync, never synchronously.
    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => SendAsync(cancellationToken);

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}

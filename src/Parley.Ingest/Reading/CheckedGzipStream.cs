using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;

namespace Parley.Ingest.Reading;

/// <summary>
/// Decompresses a gzip file member by member with the platform's inflater and checks what GZipStream lets pass: each
/// member's data must be followed by its trailer (CRC-32 and length of the data), and nothing but another member may
/// follow the last one. A file cut short, a corrupt member or junk after the data ends the stream with an
/// <see cref="InvalidDataException"/> naming the problem, after the data that was sound. The inflater reads ahead of
/// the end of a member's data, so the trailer is found by its expected value in the bytes around where reading stopped.
/// </summary>
internal sealed class CheckedGzipStream : Stream
{
    private const int Lookback = 1 << 16; // more than the inflater's read-ahead
    private readonly FileStream _file;
    private readonly ReadMeter? _meter;
    private readonly Crc32 _crc = new();
    private DeflateStream? _inflate;
    private long _dataStart, _size, _metered;
    private int _members;
    private bool _done;

    public CheckedGzipStream(FileStream file, ReadMeter? meter = null)
    {
        _file = file;
        _meter = meter;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty) return 0;
        while (!_done)
        {
            if (_inflate is null && !StartMember())
            {
                _done = true;
                break;
            }
            int n = _inflate!.Read(buffer);
            Meter();
            if (n > 0)
            {
                _crc.Append(buffer[..n]);
                _size += n;
                return n;
            }
            FinishMember();
        }
        return 0;
    }

    private void Meter()
    {
        if (_meter is null) return;
        long position = _file.Position;
        if (position > _metered)
        {
            _meter.AddRead(position - _metered);
            _metered = position;
        }
    }

    /// <summary>Reads a member header at the current position; false at the end of the file.</summary>
    private bool StartMember()
    {
        long at = _file.Position;
        if (at >= _file.Length)
        {
            if (_members == 0) throw new InvalidDataException("empty gzip file");
            return false;
        }
        Span<byte> header = stackalloc byte[10];
        int got = _file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        if (got < 2 || header[0] != 0x1F || header[1] != 0x8B)
            throw new InvalidDataException(_members == 0 ? "not a gzip file" : $"{_file.Length - at:N0} bytes of junk after the gzip data");
        if (got < 10) throw new InvalidDataException("truncated gzip header");
        if (header[2] != 8) throw new InvalidDataException("unknown gzip compression method");
        byte flags = header[3];
        if ((flags & 0xE0) != 0) throw new InvalidDataException("reserved gzip header flags set");
        if ((flags & 4) != 0)
        {
            Span<byte> extraLength = stackalloc byte[2];
            if (_file.ReadAtLeast(extraLength, 2, throwOnEndOfStream: false) < 2) throw new InvalidDataException("truncated gzip header");
            _file.Seek(BinaryPrimitives.ReadUInt16LittleEndian(extraLength), SeekOrigin.Current);
        }
        if ((flags & 8) != 0) SkipZeroTerminated();
        if ((flags & 16) != 0) SkipZeroTerminated();
        if ((flags & 2) != 0) _file.Seek(2, SeekOrigin.Current);
        if (_file.Position >= _file.Length) throw new InvalidDataException("truncated gzip stream (no data after the header)");
        _members++;
        _dataStart = _file.Position;
        _crc.Reset();
        _size = 0;
        _inflate = new DeflateStream(_file, CompressionMode.Decompress, leaveOpen: true);
        return true;
    }

    private void SkipZeroTerminated()
    {
        int b;
        while ((b = _file.ReadByte()) > 0) { }
        if (b < 0) throw new InvalidDataException("truncated gzip header");
    }

    /// <summary>After a member's data: finds its trailer, checks it, and moves to what follows.</summary>
    private void FinishMember()
    {
        _inflate!.Dispose();
        _inflate = null;
        long stoppedAt = _file.Position;
        Span<byte> expected = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(expected, _crc.GetCurrentHashAsUInt32());
        BinaryPrimitives.WriteUInt32LittleEndian(expected[4..], (uint)_size);
        long from = Math.Max(_dataStart, stoppedAt - Lookback);
        long to = Math.Min(_file.Length, stoppedAt + 8);
        var window = new byte[to - from];
        _file.Seek(from, SeekOrigin.Begin);
        _file.ReadExactly(window);
        long trailer = -1;
        for (int i = window.AsSpan().IndexOf(expected); i >= 0;)
        {
            long next = from + i + 8;
            if (trailer < 0) trailer = from + i;
            if (next == _file.Length || next + 1 < _file.Length && window.Length > i + 9 && window[i + 8] == 0x1F && window[i + 9] == 0x8B)
            {
                trailer = from + i;
                break;
            }
            int more = window.AsSpan(i + 1).IndexOf(expected);
            i = more < 0 ? -1 : i + 1 + more;
        }
        if (trailer < 0)
        {
            // The length matches where the trailer should end the file: the data is all there but its checksum is not.
            bool lengthAtEnd = window.Length >= 4 && window.AsSpan(window.Length - 4).SequenceEqual(expected[4..]);
            throw new InvalidDataException(stoppedAt >= _file.Length && !lengthAtEnd
                ? "truncated gzip stream (the file ends before the data's trailer)"
                : "corrupt gzip data (CRC-32 or length of the data does not match its trailer)");
        }
        _file.Seek(trailer + 8, SeekOrigin.Begin);
        Meter();
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inflate?.Dispose();
            _file.Dispose();
        }
        base.Dispose(disposing);
    }
}

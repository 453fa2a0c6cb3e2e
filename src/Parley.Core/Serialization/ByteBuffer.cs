using System.Buffers;
using System.Text;

namespace Parley.Core;

/// <summary>A growable byte buffer with LEB128 varints, reused between documents by the single writer.</summary>
internal sealed class ByteBuffer
{
    private byte[] _data = new byte[4096];
    private int _length;

    public int Length => _length;
    public ReadOnlySpan<byte> Written => _data.AsSpan(0, _length);

    /// <summary>Largest buffer kept between documents: one huge document's layers are not held for the rest of the run.</summary>
    private const int KeptCapacity = 1 << 20;

    public void Clear()
    {
        _length = 0;
        if (_data.Length > KeptCapacity) _data = new byte[4096];
    }

    private void Ensure(int extra)
    {
        if (_length + extra > _data.Length) Array.Resize(ref _data, Math.Max(_data.Length * 2, _length + extra));
    }

    public void WriteByte(byte value)
    {
        Ensure(1);
        _data[_length++] = value;
    }

    public void WriteVarUInt(ulong value)
    {
        Ensure(10);
        while (value >= 0x80)
        {
            _data[_length++] = (byte)(value | 0x80);
            value >>= 7;
        }
        _data[_length++] = (byte)value;
    }

    public void WriteVarUInt(int value) => WriteVarUInt((ulong)(uint)value);

    /// <summary>Zigzag-encoded signed varint: small magnitudes of either sign take one byte.</summary>
    public void WriteVarInt(long value) => WriteVarUInt((ulong)((value << 1) ^ (value >> 63)));

    public void WriteString(string value)
    {
        int max = Encoding.UTF8.GetMaxByteCount(value.Length);
        Ensure(max + 5);
        int n = Encoding.UTF8.GetByteCount(value);
        WriteVarUInt(n);
        _length += Encoding.UTF8.GetBytes(value, _data.AsSpan(_length));
    }

    public void WriteDouble(double value)
    {
        Ensure(8);
        System.Buffers.Binary.BinaryPrimitives.WriteDoubleLittleEndian(_data.AsSpan(_length), value);
        _length += 8;
    }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_data.AsSpan(_length));
        _length += bytes.Length;
    }
}

/// <summary>Reads what <see cref="ByteBuffer"/> wrote; throws <see cref="InvalidDataException"/> on truncated input.</summary>
internal ref struct ByteReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> _data = data;
    private int _pos;

    public readonly bool AtEnd => _pos >= _data.Length;

    public byte ReadByte()
    {
        if (_pos >= _data.Length) Throw();
        return _data[_pos++];
    }

    public ulong ReadVarUInt64()
    {
        ulong result = 0;
        int shift = 0;
        while (true)
        {
            if (_pos >= _data.Length || shift > 63) Throw();
            byte b = _data[_pos++];
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return result;
            shift += 7;
        }
    }

    public int ReadVarUInt()
    {
        ulong v = ReadVarUInt64();
        if (v > int.MaxValue) Throw();
        return (int)v;
    }

    public long ReadVarInt()
    {
        ulong v = ReadVarUInt64();
        return (long)(v >> 1) ^ -(long)(v & 1);
    }

    public int ReadVarInt32() => checked((int)ReadVarInt());

    public double ReadDouble() => System.Buffers.Binary.BinaryPrimitives.ReadDoubleLittleEndian(ReadBytes(8));

    public ReadOnlySpan<byte> ReadBytes(int count)
    {
        if (count < 0 || _pos + count > _data.Length) Throw();
        var span = _data.Slice(_pos, count);
        _pos += count;
        return span;
    }

    public ReadOnlySpan<byte> ReadStringBytes() => ReadBytes(ReadVarUInt());

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void Throw() => throw new InvalidDataException("Stored layer blob is truncated or corrupt.");
}

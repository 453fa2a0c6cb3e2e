using System.Text;
using Parley.Core;

namespace Parley.Core;

/// <summary>
/// Encodes the sentence and token layers of a document as one compact blob: sentences as delta varints, then
/// tokens column by column (gaps, lengths, sentence steps, relative heads, string indices, UPOS, flags), with
/// the token strings (lemmas, XPOS, features, relations, norms) written once each in a blob-local table,
/// since the process-wide <see cref="StringStore"/> ids are not stable across processes.
/// An instance reuses its buffers and is used by one thread at a time.
/// </summary>
public sealed class LayerCodec
{
    private const byte Version = 1;
    private readonly ByteBuffer _buffer = new();
    private readonly Dictionary<int, int> _localIds = [];
    private readonly List<int> _localStrings = [];

    public byte[] EncodeLayers(Document doc)
    {
        var b = _buffer;
        b.Clear();
        b.WriteByte(Version);

        var sentences = doc.Sentences;
        b.WriteVarUInt(sentences.Length);
        int prevEnd = 0, prevEndToken = 0;
        foreach (ref readonly var s in sentences)
        {
            b.WriteVarInt((long)s.Start - prevEnd);
            b.WriteVarInt((long)s.End - s.Start);
            b.WriteVarInt((long)s.FirstToken - prevEndToken);
            b.WriteVarInt((long)s.EndToken - s.FirstToken);
            prevEnd = s.End;
            prevEndToken = s.EndToken;
        }

        var tokens = doc.Tokens;
        b.WriteVarUInt(tokens.Length);
        if (tokens.Length > 0) EncodeTokens(b, tokens);
        return BlobCompression.Pack(b.Written);
    }

    private void EncodeTokens(ByteBuffer b, ReadOnlySpan<TokenData> tokens)
    {
        _localIds.Clear();
        _localStrings.Clear();
        foreach (ref readonly var t in tokens)
        {
            Local(t.Lemma); Local(t.Xpos); Local(t.Feats); Local(t.Deprel); Local(t.Norm);
        }
        b.WriteVarUInt(_localStrings.Count);
        foreach (int id in _localStrings) b.WriteString(StringStore.Get(id));

        int prev = 0;
        foreach (ref readonly var t in tokens) { b.WriteVarInt((long)t.Start - prev); prev = t.End; }
        foreach (ref readonly var t in tokens) b.WriteVarInt((long)t.End - t.Start);
        prev = 0;
        foreach (ref readonly var t in tokens) { b.WriteVarInt((long)t.Sentence - prev); prev = t.Sentence; }
        for (int i = 0; i < tokens.Length; i++)
        {
            int head = tokens[i].Head;
            // 0 is the root (-1); any other head is stored relative to its token, shifted by one.
            if (head == -1) b.WriteVarUInt(0UL);
            else b.WriteVarUInt((ulong)(((long)head - i) << 1 ^ (((long)head - i) >> 63)) + 1);
        }
        foreach (ref readonly var t in tokens) b.WriteVarUInt(_localIds[t.Lemma]);
        foreach (ref readonly var t in tokens) b.WriteVarUInt(_localIds[t.Xpos]);
        foreach (ref readonly var t in tokens) b.WriteVarUInt(_localIds[t.Feats]);
        foreach (ref readonly var t in tokens) b.WriteVarUInt(_localIds[t.Deprel]);
        foreach (ref readonly var t in tokens) b.WriteVarUInt(_localIds[t.Norm]);
        foreach (ref readonly var t in tokens) b.WriteByte((byte)t.Upos);
        foreach (ref readonly var t in tokens) b.WriteByte((byte)t.Flags);
    }

    /// <summary>Local index of a StringStore id; 0 stays 0 (unset), others are numbered from 1 in first-seen order.</summary>
    private void Local(int globalId)
    {
        if (globalId == 0) { _localIds.TryAdd(0, 0); return; }
        if (_localIds.ContainsKey(globalId)) return;
        _localStrings.Add(globalId);
        _localIds[globalId] = _localStrings.Count;
    }

    /// <summary>Restores sentences and tokens into <paramref name="doc"/> from a blob written by <see cref="EncodeLayers"/>.</summary>
    public static void DecodeLayers(ReadOnlySpan<byte> blob, Document doc)
    {
        byte[] raw = BlobCompression.Unpack(blob);
        var r = new ByteReader(raw);
        byte version = r.ReadByte();
        if (version != Version) throw new InvalidDataException($"Stored layer blob has unknown version {version}.");

        int sentenceCount = r.ReadVarUInt();
        int prevEnd = 0, prevEndToken = 0;
        for (int i = 0; i < sentenceCount; i++)
        {
            int start = checked(prevEnd + r.ReadVarInt32());
            int end = checked(start + r.ReadVarInt32());
            int first = checked(prevEndToken + r.ReadVarInt32());
            int endToken = checked(first + r.ReadVarInt32());
            doc.AddSentence(new SentenceData(start, end, first, endToken));
            prevEnd = end;
            prevEndToken = endToken;
        }

        int tokenCount = r.ReadVarUInt();
        if (tokenCount == 0) { doc.ClearTokens(); return; }
        if (tokenCount > raw.Length) throw new InvalidDataException("Stored layer blob has an impossible token count.");

        int stringCount = r.ReadVarUInt();
        var ids = new int[stringCount + 1];
        Span<char> chars = stackalloc char[256];
        for (int i = 1; i <= stringCount; i++)
        {
            var bytes = r.ReadStringBytes();
            if (bytes.Length <= chars.Length)
            {
                int n = Encoding.UTF8.GetChars(bytes, chars);
                ids[i] = StringStore.Intern(chars[..n]);
            }
            else ids[i] = StringStore.Intern(Encoding.UTF8.GetString(bytes));
        }

        var tokens = new TokenData[tokenCount];
        // Starts are gaps from the previous token's end and come before the lengths: keep both, then resolve.
        for (int i = 0; i < tokenCount; i++) tokens[i].Start = r.ReadVarInt32();
        for (int i = 0; i < tokenCount; i++) tokens[i].End = r.ReadVarInt32();
        int prev = 0;
        for (int i = 0; i < tokenCount; i++)
        {
            tokens[i].Start = checked(prev + tokens[i].Start);
            tokens[i].End = checked(tokens[i].Start + tokens[i].End);
            prev = tokens[i].End;
        }
        prev = 0;
        for (int i = 0; i < tokenCount; i++) { prev = checked(prev + r.ReadVarInt32()); tokens[i].Sentence = prev; }
        for (int i = 0; i < tokenCount; i++)
        {
            ulong v = r.ReadVarUInt64();
            if (v == 0) tokens[i].Head = -1;
            else
            {
                ulong z = v - 1;
                long rel = (long)(z >> 1) ^ -(long)(z & 1);
                tokens[i].Head = checked((int)(i + rel));
            }
        }
        for (int i = 0; i < tokenCount; i++) tokens[i].Lemma = ids[LocalIndex(ref r, stringCount)];
        for (int i = 0; i < tokenCount; i++) tokens[i].Xpos = ids[LocalIndex(ref r, stringCount)];
        for (int i = 0; i < tokenCount; i++) tokens[i].Feats = ids[LocalIndex(ref r, stringCount)];
        for (int i = 0; i < tokenCount; i++) tokens[i].Deprel = ids[LocalIndex(ref r, stringCount)];
        for (int i = 0; i < tokenCount; i++) tokens[i].Norm = ids[LocalIndex(ref r, stringCount)];
        for (int i = 0; i < tokenCount; i++) tokens[i].Upos = (UPos)r.ReadByte();
        for (int i = 0; i < tokenCount; i++) tokens[i].Flags = (TokenFlags)r.ReadByte();
        doc.SetTokens(tokens, tokenCount);
    }

    private static int LocalIndex(ref ByteReader r, int stringCount)
    {
        int index = r.ReadVarUInt();
        if (index > stringCount) throw new InvalidDataException("Stored layer blob refers to a missing string.");
        return index;
    }

    /// <summary>The offset map as zigzag deltas (almost all +1, so it compresses to a few bytes per change).</summary>
    public byte[] EncodeOffsets(OffsetMap map)
    {
        var b = _buffer;
        b.Clear();
        ArgumentNullException.ThrowIfNull(map);
        b.WriteVarUInt(map.Count);
        int prev = 0;
        Span<int> entries = stackalloc int[1024];
        for (int first = 0; first < map.Count;)
        {
            int n = map.CopyTo(first, entries);
            foreach (int e in entries[..n]) { b.WriteVarInt((long)e - prev); prev = e; }
            first += n;
        }
        return BlobCompression.Pack(b.Written);
    }

    public static OffsetMap DecodeOffsets(ReadOnlySpan<byte> blob)
    {
        byte[] raw = BlobCompression.Unpack(blob);
        var r = new ByteReader(raw);
        int count = r.ReadVarUInt();
        if (count > raw.Length) throw new InvalidDataException("Stored offset map has an impossible length.");
        var entries = new int[count];
        int prev = 0;
        for (int i = 0; i < count; i++) { prev = checked(prev + r.ReadVarInt32()); entries[i] = prev; }
        return new OffsetMap(entries);
    }
}

using System.Text;

namespace Parley.Core;

/// <summary>
/// Writes a whole <see cref="Document"/> (metadata, text, offsets, every annotation layer) as one binary
/// message and reads it back, in this process or another: the work queue carries documents this way and
/// the stores keep the token layers with <see cref="LayerCodec"/>, its part for sentences and tokens.
/// Format: "PD", a version byte, then one compressed body (see <see cref="BlobCompression"/>) holding a
/// message-local string table followed by the fields. Strings are written once each and referred to by
/// index, never by the process-wide <see cref="StringStore"/> ids, which differ between processes.
/// A reader refuses a newer version with <see cref="InvalidDataException"/>; new fields go at the end of a
/// new version so that older messages stay readable. An instance reuses its buffers: one thread at a time.
/// Version 2 added, after the events: each place's role, each event's section and its place's feature code and
/// division, and the labelled spans.
/// </summary>
public sealed class DocumentCodec
{
    public const byte Version = 2;
    private const byte Magic0 = (byte)'P', Magic1 = (byte)'D';

    private readonly ByteBuffer _body = new();
    private readonly ByteBuffer _table = new();
    private readonly Dictionary<string, int> _strings = new(StringComparer.Ordinal);
    private readonly LayerCodec _layers = new();

    /// <summary>The document as one message (see the class summary for the format).</summary>
    public byte[] Encode(Document doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        _body.Clear();
        _table.Clear();
        _strings.Clear();
        var b = _body;
        Str(doc.Id); Str(doc.Text); Str(doc.Title);
        b.WriteVarUInt(doc.Published is DateOnly p ? (ulong)p.DayNumber + 1 : 0UL);
        Str(doc.Language); b.WriteDouble(doc.LanguageScore);
        Str(doc.Source); Str(doc.Url); Str(doc.Origin);
        b.WriteVarUInt((ulong)doc.Done);
        b.WriteVarUInt(doc.Flags.Count);
        foreach (var f in doc.Flags) Str(f);
        Bytes(doc.OriginalOffsets is { } map ? _layers.EncodeOffsets(map) : []);
        Bytes(doc.SentenceCount == 0 && doc.TokenCount == 0 ? [] : _layers.EncodeLayers(doc));

        b.WriteVarUInt(doc.Entities.Count);
        foreach (var e in doc.Entities)
        {
            Span(e.Start, e.End); Str(e.Text); Str(e.Type); Str(e.Name); Str(e.Kb); Str(e.Actor);
            b.WriteVarInt(e.Cluster); Str(e.Via); b.WriteDouble(e.Confidence);
        }
        b.WriteVarUInt(doc.Places.Count);
        foreach (var p2 in doc.Places)
        {
            Span(p2.Start, p2.End); Str(p2.Text); Str(p2.Name); Str(p2.Country);
            Double(p2.Lat); Double(p2.Lon); Long(p2.GeonameId); Str(p2.FeatureCode); Str(p2.Admin1);
        }
        b.WriteVarUInt(doc.Dates.Count);
        foreach (var d in doc.Dates) { Span(d.Start, d.End); Str(d.Text); Str(d.Value); Str(d.Grain); }
        b.WriteVarUInt(doc.Quotes.Count);
        foreach (var q in doc.Quotes)
        {
            Span(q.Start, q.End); Str(q.Text); b.WriteByte(q.Direct ? (byte)1 : (byte)0); Str(q.Speaker);
            Long(q.SpeakerStart); Long(q.SpeakerEnd); Str(q.SpeakerName); Str(q.SpeakerActor);
        }
        b.WriteVarUInt(doc.Events.Count);
        foreach (var e in doc.Events)
        {
            b.WriteVarInt(e.Sentence); Actor(e.Source); Actor(e.Target);
            Str(e.Cameo); Str(e.Ontology); Str(e.Plover); Str(e.PloverMode); Str(e.PloverContext);
            b.WriteVarInt(e.QuadClass); b.WriteDouble(e.Goldstein); Str(e.Date);
            if (e.Place is { } place)
            {
                b.WriteByte(1); Str(place.Name); Str(place.Country); Double(place.Lat); Double(place.Lon); Long(place.GeonameId);
            }
            else b.WriteByte(0);
            b.WriteByte(e.Negated ? (byte)1 : (byte)0);
            Span(e.EvidenceStart, e.EvidenceEnd); Str(e.Rule); b.WriteDouble(e.Confidence); Span(e.TriggerStart, e.TriggerEnd);
        }
        // Version 2.
        foreach (var p2 in doc.Places) Str(p2.Role);
        foreach (var e in doc.Events)
        {
            Str(e.Section);
            if (e.Place is { } place) { Str(place.FeatureCode); Str(place.Admin1); }
        }
        b.WriteVarUInt(doc.Spans.Count);
        foreach (var m in doc.Spans) { Span(m.Start, m.End); Str(m.Text); Str(m.Label); }

        // Table first so a reader resolves every reference as it meets it.
        var whole = new ByteBuffer();
        whole.WriteVarUInt(_strings.Count);
        whole.Write(_table.Written);
        whole.Write(b.Written);
        var packed = BlobCompression.Pack(whole.Written);
        var message = new byte[packed.Length + 3];
        message[0] = Magic0; message[1] = Magic1; message[2] = Version;
        packed.CopyTo(message.AsSpan(3));
        return message;
    }

    /// <summary>Reads a message written by <see cref="Encode"/>; throws <see cref="InvalidDataException"/> when it is not one.</summary>
    public static Document Decode(ReadOnlySpan<byte> message)
    {
        if (message.Length < 3 || message[0] != Magic0 || message[1] != Magic1)
            throw new InvalidDataException("Not a Parley document message.");
        byte version = message[2];
        if (version is 0 or > Version)
            throw new InvalidDataException($"Document message version {message[2]} is not readable by this version ({Version}).");
        byte[] raw = BlobCompression.Unpack(message[3..]);
        var r = new ByteReader(raw);
        int count = r.ReadVarUInt();
        if (count > raw.Length) throw new InvalidDataException("Document message has an impossible string count.");
        var strings = new string[count];
        for (int i = 0; i < count; i++) strings[i] = Encoding.UTF8.GetString(r.ReadStringBytes());
        var s = new Reader(strings);

        string id = s.Required(ref r), text = s.Required(ref r);
        var doc = new Document(id, text) { Title = s.Str(ref r) };
        ulong day = r.ReadVarUInt64();
        doc.Published = day == 0 ? null : DateOnly.FromDayNumber(checked((int)(day - 1)));
        doc.Language = s.Required(ref r);
        doc.LanguageScore = r.ReadDouble();
        doc.Source = s.Str(ref r); doc.Url = s.Str(ref r); doc.Origin = s.Str(ref r);
        doc.Done = (Layers)r.ReadVarUInt64();
        int flags = r.ReadVarUInt();
        for (int i = 0; i < flags; i++) doc.Flags.Add(s.Required(ref r));
        var offsets = r.ReadBytes(r.ReadVarUInt());
        if (offsets.Length > 0) doc.OriginalOffsets = LayerCodec.DecodeOffsets(offsets);
        var layers = r.ReadBytes(r.ReadVarUInt());
        if (layers.Length > 0) LayerCodec.DecodeLayers(layers, doc);

        int n = Count(ref r, raw.Length);
        for (int i = 0; i < n; i++)
        {
            var (start, end) = ReadSpan(ref r);
            doc.Entities.Add(new EntityMention
            {
                Start = start, End = end, Text = s.Required(ref r), Type = s.Required(ref r), Name = s.Str(ref r), Kb = s.Str(ref r),
                Actor = s.Str(ref r), Cluster = r.ReadVarInt32(), Via = s.Str(ref r), Confidence = r.ReadDouble(),
            });
        }
        n = Count(ref r, raw.Length);
        for (int i = 0; i < n; i++)
        {
            var (start, end) = ReadSpan(ref r);
            doc.Places.Add(new PlaceMention
            {
                Start = start, End = end, Text = s.Required(ref r), Name = s.Str(ref r), Country = s.Str(ref r),
                Lat = ReadDouble(ref r), Lon = ReadDouble(ref r), GeonameId = ReadLong(ref r), FeatureCode = s.Str(ref r), Admin1 = s.Str(ref r),
            });
        }
        n = Count(ref r, raw.Length);
        for (int i = 0; i < n; i++)
        {
            var (start, end) = ReadSpan(ref r);
            doc.Dates.Add(new DateMention { Start = start, End = end, Text = s.Required(ref r), Value = s.Str(ref r), Grain = s.Required(ref r) });
        }
        n = Count(ref r, raw.Length);
        for (int i = 0; i < n; i++)
        {
            var (start, end) = ReadSpan(ref r);
            doc.Quotes.Add(new QuoteMention
            {
                Start = start, End = end, Text = s.Required(ref r), Direct = r.ReadByte() != 0, Speaker = s.Str(ref r),
                SpeakerStart = (int?)ReadLong(ref r), SpeakerEnd = (int?)ReadLong(ref r), SpeakerName = s.Str(ref r), SpeakerActor = s.Str(ref r),
            });
        }
        n = Count(ref r, raw.Length);
        for (int i = 0; i < n; i++)
        {
            int sentence = r.ReadVarInt32();
            var source = ReadActor(ref r, s);
            var target = ReadActor(ref r, s);
            var e = new EventRecord
            {
                Sentence = sentence, Source = source, Target = target, Cameo = s.Required(ref r), Ontology = s.Required(ref r),
                Plover = s.Str(ref r), PloverMode = s.Str(ref r), PloverContext = s.Str(ref r),
                QuadClass = r.ReadVarInt32(), Goldstein = r.ReadDouble(), Date = s.Str(ref r), Rule = "",
            };
            if (r.ReadByte() != 0)
                e.Place = new EventPlace { Name = s.Required(ref r), Country = s.Str(ref r), Lat = ReadDouble(ref r), Lon = ReadDouble(ref r), GeonameId = ReadLong(ref r) };
            e.Negated = r.ReadByte() != 0;
            (e.EvidenceStart, e.EvidenceEnd) = ReadSpan(ref r);
            e.Rule = s.Required(ref r);
            e.Confidence = r.ReadDouble();
            (e.TriggerStart, e.TriggerEnd) = ReadSpan(ref r);
            doc.Events.Add(e);
        }
        if (version >= 2)
        {
            foreach (var p in doc.Places) p.Role = s.Str(ref r);
            foreach (var e in doc.Events)
            {
                e.Section = s.Required(ref r);
                if (e.Place is { } place) { place.FeatureCode = s.Str(ref r); place.Admin1 = s.Str(ref r); }
            }
            n = Count(ref r, raw.Length);
            for (int i = 0; i < n; i++)
            {
                var (start, end) = ReadSpan(ref r);
                doc.Spans.Add(new SpanMark { Start = start, End = end, Text = s.Required(ref r), Label = s.Required(ref r) });
            }
        }
        if (!r.AtEnd) throw new InvalidDataException("Document message has bytes after its last field.");
        return doc;
    }

    private void Str(string? value)
    {
        if (value is null) { _body.WriteVarUInt(0UL); return; }
        if (!_strings.TryGetValue(value, out int index))
        {
            index = _strings.Count + 1;
            _strings[value] = index;
            _table.WriteString(value);
        }
        _body.WriteVarUInt(index);
    }

    private void Bytes(ReadOnlySpan<byte> bytes)
    {
        _body.WriteVarUInt(bytes.Length);
        _body.Write(bytes);
    }

    private void Span(int start, int end) { _body.WriteVarInt(start); _body.WriteVarInt((long)end - start); }

    private void Double(double? value)
    {
        if (value is double v) { _body.WriteByte(1); _body.WriteDouble(v); }
        else _body.WriteByte(0);
    }

    private void Long(long? value)
    {
        if (value is long v) { _body.WriteByte(1); _body.WriteVarInt(v); }
        else _body.WriteByte(0);
    }

    private void Actor(EventActor? a)
    {
        if (a is null) { _body.WriteByte(0); return; }
        _body.WriteByte(1);
        Str(a.Text); Str(a.Actor); Str(a.Country); Str(a.Name); Span(a.Start, a.End);
    }

    private static EventActor? ReadActor(ref ByteReader r, Reader s)
    {
        if (r.ReadByte() == 0) return null;
        var a = new EventActor { Text = s.Required(ref r), Actor = s.Str(ref r), Country = s.Str(ref r), Name = s.Str(ref r) };
        (a.Start, a.End) = ReadSpan(ref r);
        return a;
    }

    private static (int Start, int End) ReadSpan(ref ByteReader r)
    {
        int start = r.ReadVarInt32();
        return (start, checked(start + r.ReadVarInt32()));
    }

    private static double? ReadDouble(ref ByteReader r) => r.ReadByte() != 0 ? r.ReadDouble() : null;

    private static long? ReadLong(ref ByteReader r) => r.ReadByte() != 0 ? r.ReadVarInt() : null;

    private static int Count(ref ByteReader r, int limit)
    {
        int n = r.ReadVarUInt();
        if (n > limit) throw new InvalidDataException("Document message has an impossible item count.");
        return n;
    }

    /// <summary>Resolves string references against the message's table.</summary>
    private sealed class Reader(string[] strings)
    {
        public string? Str(ref ByteReader r)
        {
            int index = r.ReadVarUInt();
            if (index == 0) return null;
            if (index > strings.Length) throw new InvalidDataException("Document message refers to a missing string.");
            return strings[index - 1];
        }

        public string Required(ref ByteReader r) => Str(ref r) ?? throw new InvalidDataException("Document message lacks a required string.");
    }
}

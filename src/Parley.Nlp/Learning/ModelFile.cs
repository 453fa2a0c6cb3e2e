using System.IO.Compression;
using System.Text;

namespace Parley.Nlp.Learning;

/// <summary>The framing of the parsers' binary model files: gzip, a magic string, a format version, then the model's own fields.</summary>
internal static class ModelFile
{
    /// <summary>Creates <paramref name="path"/> with its header written (smallest gzip); disposing the writer finishes the file.</summary>
    public static BinaryWriter Create(string path, string magic, int version)
    {
        var w = new BinaryWriter(new BufferedStream(new GZipStream(File.Create(path), CompressionLevel.SmallestSize), 1 << 20), Encoding.UTF8);
        w.Write(magic);
        w.Write(version);
        return w;
    }

    /// <summary>
    /// Opens <paramref name="path"/> and reads its header: a file whose magic string is not <paramref name="magic"/> is
    /// "not a Parley <paramref name="what"/>", a version outside <paramref name="accepts"/> is named with the one expected
    /// (<paramref name="current"/>). Disposing the reader closes the file.
    /// </summary>
    public static BinaryReader Open(string path, string magic, string what, int current, Func<int, bool> accepts, out int version)
    {
        var r = new BinaryReader(new BufferedStream(new GZipStream(File.OpenRead(path), CompressionMode.Decompress), 1 << 20), Encoding.UTF8);
        try
        {
            if (r.ReadString() != magic) throw new InvalidDataException($"{path}: not a Parley {what}");
            version = r.ReadInt32();
            if (!accepts(version)) throw new InvalidDataException($"{path}: {what} format {version}, expected {current}");
            return r;
        }
        catch
        {
            r.Dispose();
            throw;
        }
    }
}

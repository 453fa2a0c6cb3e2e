namespace Parley.Ingest;
internal static class AssemblyMarker { }

namespace Parley.Storage;
internal static class AssemblyMarker { }

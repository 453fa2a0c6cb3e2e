namespace Parley.Stories;
internal static class AssemblyMarker { }

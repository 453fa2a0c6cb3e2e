namespace Parley.Engine;
internal static class AssemblyMarker { }

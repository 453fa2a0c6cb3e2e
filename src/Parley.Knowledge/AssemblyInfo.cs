namespace Parley.Knowledge;
internal static class AssemblyMarker { }

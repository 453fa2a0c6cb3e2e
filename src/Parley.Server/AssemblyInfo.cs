namespace Parley.Server;
internal static class AssemblyMarker { }

namespace Parley.Events;
internal static class AssemblyMarker { }

namespace SefData.Domain; internal static class AssemblyMarker { }

namespace SefData.Data; internal static class AssemblyMarker { }

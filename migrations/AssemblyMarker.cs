namespace SefData.Migrations; internal static class AssemblyMarker { }

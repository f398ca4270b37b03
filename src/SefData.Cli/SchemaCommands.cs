extern alias api;

namespace SefData.Cli;

internal static class SchemaCommands
{
    /// <summary><c>sefdata schema export</c>: writes the SDL the API serves (the file the schema test compares with).</summary>
    public static async Task<int> ExportAsync(string output, CancellationToken ct)
    {
        var sdl = api::SefData.Api.GraphQL.SefDataSchema.PrintSdl();
        var folder = Path.GetDirectoryName(Path.GetFullPath(output));
        if (folder is not null) Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(output, sdl, ct);
        Console.Error.WriteLine($"Wrote {output} ({sdl.Length:N0} characters).");
        return 0;
    }
}

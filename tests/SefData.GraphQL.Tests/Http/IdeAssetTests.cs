using SefData.GraphQL.Http;

namespace SefData.GraphQL.Tests.Http;

/// <summary>The IDE's local copy is used only when complete and matching the published hashes (the browser test in SefData.Api.Tests covers the real files).</summary>
public class IdeAssetTests
{
    [Fact]
    public void The_manifest_lists_GraphiQL_and_React_with_sha384_hashes()
    {
        Assert.Equal(["graphiql", "react", "react-dom"], IdeAsset.All.Select(a => a.Package).Distinct().Order(StringComparer.Ordinal));
        Assert.All(IdeAsset.All, a => Assert.Matches("^sha384-[A-Za-z0-9+/]{64}$", a.Integrity));
    }

    [Fact]
    public void No_folder_means_the_CDN()
    {
        Assert.False(IdeAssetStore.Load(null).IsLocal);
        var missing = IdeAssetStore.Load(Path.Combine(Path.GetTempPath(), "sefdata-no-such-" + Guid.NewGuid().ToString("N")));
        Assert.False(missing.IsLocal);
        Assert.Contains("is missing", missing.FallbackReason);
    }

    [Fact]
    public void A_tampered_copy_is_never_served()
    {
        var folder = Directory.CreateTempSubdirectory("sefdata-ide-").FullName;
        try
        {
            foreach (var asset in IdeAsset.All)
            {
                var path = Path.Combine(folder, asset.LocalPath);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, "alert('not GraphiQL')");
            }
            var store = IdeAssetStore.Load(folder);
            Assert.False(store.IsLocal);
            Assert.Contains("does not match its published hash", store.FallbackReason);
            Assert.False(store.TryGet(IdeAsset.All[0].LocalPath, out _, out _));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_page_points_at_the_server_or_the_CDN_with_the_same_integrity_hashes()
    {
        var local = GraphiQLPage.Render("/graphql", localAssets: true);
        var cdn = GraphiQLPage.Render("/graphql");
        foreach (var asset in IdeAsset.All)
        {
            Assert.Contains($"\"/graphql/ide/{asset.LocalPath}\" integrity=\"{asset.Integrity}\"", local);
            Assert.Contains($"\"{asset.CdnUrl}\" integrity=\"{asset.Integrity}\"", cdn);
        }
        Assert.DoesNotContain("jsdelivr", local);
    }
}

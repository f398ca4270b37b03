using System.Net;
using System.Text.Json;

namespace SefData.GraphQL.Http;

/// <summary>
/// The GraphiQL IDE page: GraphiQL 3.9.0 with React 18.3.1 (versions and hashes in graphiql-assets.json). The files
/// load from the host's own copy under <c>{endpoint}/ide/</c> when it has a verified one (so the IDE works on networks
/// without internet access), otherwise from jsDelivr; either way each carries its Subresource Integrity hash, so a
/// tampered copy is refused by the browser.
/// </summary>
public static class GraphiQLPage
{
    /// <summary>The page for an endpoint at <paramref name="endpointPath"/> (what the IDE's fetcher posts to).</summary>
    /// <param name="localAssets">Load the files from <c>{endpoint}/ide/</c> (see <see cref="IdeAssetStore"/>) rather than jsDelivr.</param>
    public static string Render(string endpointPath, bool localAssets = false)
    {
        endpointPath = endpointPath.Length > 1 ? endpointPath.TrimEnd('/') : endpointPath;
        var assetBase = endpointPath == "/" ? "/ide/" : endpointPath + "/ide/";
        string Src(IdeAsset asset) => WebUtility.HtmlEncode(localAssets ? assetBase + asset.LocalPath : asset.CdnUrl);
        var css = IdeAsset.All.Where(a => a.ContentType.StartsWith("text/css", StringComparison.Ordinal))
            .Select(a => $"""<link rel="stylesheet" href="{Src(a)}" integrity="{a.Integrity}" crossorigin="anonymous">""");
        var scripts = IdeAsset.All.Where(a => !a.ContentType.StartsWith("text/css", StringComparison.Ordinal))
            .Select(a => $"""<script src="{Src(a)}" integrity="{a.Integrity}" crossorigin="anonymous"></script>""");
        var head = string.Join("\n  ", css.Concat(scripts));
        var origin = localAssets ? "this server" : "cdn.jsdelivr.net";
        // JSON-encoded with the default encoder, which escapes <, > and &, so the path cannot close the script.
        var url = JsonSerializer.Serialize(endpointPath);
        var title = WebUtility.HtmlEncode("SefData GraphQL");
        return $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>{{title}}</title>
              <style>html, body, #graphiql { height: 100%; margin: 0; overflow: hidden; }</style>
              {{head}}
            </head>
            <body>
              <noscript>
                <p>This page is GraphiQL, an in-browser IDE for the SefData GraphQL API, and it needs JavaScript (loaded from {{origin}}).
                Without it, send queries to this URL with POST (Content-Type: application/json, body {"query": "..."}) or GET (?query=...),
                and read the schema at <a href="{{WebUtility.HtmlEncode(endpointPath)}}/schema.graphql">schema.graphql</a>.</p>
              </noscript>
              <div id="graphiql">Loading GraphiQL…</div>
              <script>
                const url = new URL({{url}}, window.location.href).toString();
                const fetcher = GraphiQL.createFetcher({ url });
                ReactDOM.createRoot(document.getElementById('graphiql')).render(
                  React.createElement(GraphiQL, { fetcher, defaultEditorToolsVisibility: true }));
              </script>
            </body>
            </html>
            """;
    }
}

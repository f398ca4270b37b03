using System.Net;
using System.Text.Json;

namespace SefData.GraphQL.Http;

/// <summary>
/// The GraphiQL IDE page: GraphiQL 3.9.0 with React 18.3.1 from jsDelivr. Each file carries a Subresource
/// Integrity hash computed from the npm package's file (openssl dgst -sha384), so a tampered CDN copy is refused.
/// </summary>
public static class GraphiQLPage
{
    public const string GraphiQLVersion = "3.9.0";
    public const string ReactVersion = "18.3.1";

    // sha384 of graphiql@3.9.0/graphiql.min.css, graphiql.min.js, react@18.3.1/umd/react.production.min.js and
    // react-dom@18.3.1/umd/react-dom.production.min.js as published on npm.
    public const string GraphiQLCssIntegrity = "sha384-QMux00XgRtwRLSYIY3kw2rj1ovk5AuuliAchk+HSQbqdbGFnz9GYuqIlOqxhwCE2";
    public const string GraphiQLJsIntegrity = "sha384-8NGfVj4CVlqHajlZj+bPJT4thxPMHMJYn7DWK2CvtopLd02E7qsPHazniBYvVjOO";
    public const string ReactIntegrity = "sha384-DGyLxAyjq0f9SPpVevD6IgztCFlnMF6oW/XQGmfe+IsZ8TqEiDrcHkMLKI6fiB/Z";
    public const string ReactDomIntegrity = "sha384-gTGxhz21lVGYNMcdJOyq01Edg0jhn/c22nsx0kyqP0TxaV5WVdsSH1fSDUf5YJj1";

    private const string Cdn = "https://cdn.jsdelivr.net/npm/";

    /// <summary>The page for an endpoint at <paramref name="endpointPath"/> (what the IDE's fetcher posts to).</summary>
    public static string Render(string endpointPath)
    {
        endpointPath = endpointPath.Length > 1 ? endpointPath.TrimEnd('/') : endpointPath;
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
              <link rel="stylesheet" href="{{Cdn}}graphiql@{{GraphiQLVersion}}/graphiql.min.css" integrity="{{GraphiQLCssIntegrity}}" crossorigin="anonymous">
              <script src="{{Cdn}}react@{{ReactVersion}}/umd/react.production.min.js" integrity="{{ReactIntegrity}}" crossorigin="anonymous"></script>
              <script src="{{Cdn}}react-dom@{{ReactVersion}}/umd/react-dom.production.min.js" integrity="{{ReactDomIntegrity}}" crossorigin="anonymous"></script>
              <script src="{{Cdn}}graphiql@{{GraphiQLVersion}}/graphiql.min.js" integrity="{{GraphiQLJsIntegrity}}" crossorigin="anonymous"></script>
            </head>
            <body>
              <noscript>
                <p>This page is GraphiQL, an in-browser IDE for the SefData GraphQL API, and it needs JavaScript (loaded from cdn.jsdelivr.net).
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

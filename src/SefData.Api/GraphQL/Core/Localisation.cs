using SefData.GraphQL.Types;

namespace SefData.Api.GraphQL.Core;

/// <summary>
/// The request's language for <c>name</c> fields: the first of <c>cy</c>/<c>en</c> in the client's Accept-Language
/// preference order (q-values respected, region subtags ignored), else English.
/// </summary>
public sealed class RequestLanguage(IHttpContextAccessor http)
{
    private bool? _welsh;

    public bool IsWelsh => _welsh ??= Parse(http.HttpContext?.Request.Headers.AcceptLanguage.ToString()) == "cy";

    /// <summary>"cy" or "en" for an Accept-Language header value.</summary>
    public static string Parse(string? header)
    {
        if (string.IsNullOrWhiteSpace(header)) return "en";
        var best = (Lang: "en", Q: -1.0, Index: int.MaxValue);
        var parts = header.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = 0; i < parts.Length; i++)
        {
            var pieces = parts[i].Split(';', StringSplitOptions.TrimEntries);
            var primary = pieces[0].Split('-')[0].ToLowerInvariant();
            if (primary is not ("cy" or "en")) continue;
            var q = 1.0;
            foreach (var p in pieces.Skip(1))
            {
                if (p.StartsWith("q=", StringComparison.OrdinalIgnoreCase)
                    && double.TryParse(p[2..], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v))
                    q = v;
            }
            if (q <= 0) continue;
            if (q > best.Q) best = (primary, q, i);
        }
        return best.Lang;
    }
}

public static class LocalisationExtensions
{
    /// <summary>The Welsh text when the request prefers Welsh and it exists, else the English.</summary>
    public static string Localise(this IResolverContext ctx, string en, string? cy) =>
        cy is { Length: > 0 } && ctx.Service<RequestLanguage>().IsWelsh ? cy : en;

    /// <summary>Adds <c>name</c> (follows Accept-Language), <c>nameEn</c> and <c>nameCy</c>.</summary>
    public static ObjectTypeBuilder<T> LocalisedName<T>(this ObjectTypeBuilder<T> t, Func<T, string> en, Func<T, string?> cy, bool welshRequired = false) =>
        t.Field("name", "String!", f => f.Description("The name in the language of the request (Accept-Language: cy or en; default en). Falls back to English when no Welsh name is recorded.")
                .Resolve(ctx => ctx.Localise(en(ctx.Parent<T>()), cy(ctx.Parent<T>()))))
            .Field("nameEn", "String!", f => f.Description("The English name.").Resolve(ctx => en(ctx.Parent<T>())))
            .Field("nameCy", welshRequired ? "String!" : "String", f => f.Description("The Welsh name (null when none is recorded).").Resolve(ctx => cy(ctx.Parent<T>())));
}

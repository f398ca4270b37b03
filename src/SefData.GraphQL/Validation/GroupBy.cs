using SefData.GraphQL.Language;

namespace SefData.GraphQL.Validation;

/// <summary>graphql-js groupBy for "only one X named" rules: name nodes grouped by name, groups in first-seen order.</summary>
internal static class GroupBy
{
    public static List<(string Name, List<SyntaxNode> Nodes)> Names<T>(IReadOnlyList<T> items, Func<T, NameNode> nameOf)
    {
        var groups = new List<(string, List<SyntaxNode>)>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var name = nameOf(items[i]);
            if (!index.TryGetValue(name.Value, out var at))
            {
                index[name.Value] = at = groups.Count;
                groups.Add((name.Value, []));
            }
            groups[at].Item2.Add(name);
        }
        return groups;
    }
}

using System.Linq.Expressions;
using System.Reflection;
using SefData.GraphQL.Types;

namespace SefData.GraphQL.Data;

/// <summary>
/// Builds <c>x => new T { Id = x.Id, Name = x.Name, Nav = x.Nav == null ? null : new Nav { ... } }</c> from a
/// GraphQL selection, so the database returns only the columns the query reads. Each selected field contributes
/// what its <see cref="DataObject{T}"/> declaration reads: scalar member chains, related objects recursively, the
/// <see cref="DataObject{T}.Requires"/> columns of resolver fields; related lists (loaded by their own resolvers)
/// and unknown fields contribute nothing. The keys of every projected object are always included.
/// </summary>
public static class Projection
{
    /// <summary>The selector, or null when <typeparamref name="T"/> cannot be projected (whole entities are loaded).</summary>
    /// <param name="also">Further members to read whatever is selected (e.g. the foreign key a batch groups by).</param>
    public static Expression<Func<T, T>>? Build<T>(IDataObject obj, IReadOnlyList<ISelectedField> selection, params LambdaExpression[] also)
    {
        if (!obj.CanProject) return null;
        var root = new PathNode();
        if (!Collect(obj, selection, root)) return null;
        foreach (var member in also)
        {
            if (ExpressionTools.MemberPath(ExpressionTools.StripBoxing(member)) is not { } path) return null;
            root.Add(path);
        }
        var x = Expression.Parameter(typeof(T), "x");
        var body = Init(typeof(T), x, root);
        return body is null ? null : Expression.Lambda<Func<T, T>>(body, x);
    }

    /// <summary>The selection under a connection's <c>nodes</c> and <c>edges { node }</c>, merged.</summary>
    public static IReadOnlyList<ISelectedField> NodeSelection(IReadOnlyList<ISelectedField> connectionSelection)
    {
        var result = new List<ISelectedField>();
        foreach (var f in connectionSelection)
        {
            if (f.Name == "nodes") result.AddRange(f.GetSelectedFields());
            else if (f.Name == "edges")
            {
                foreach (var e in f.GetSelectedFields())
                {
                    if (e.Name == "node") result.AddRange(e.GetSelectedFields());
                }
            }
        }
        return result;
    }

    /// <summary>Whether every member path is projectable; fills <paramref name="node"/>.</summary>
    private static bool Collect(IDataObject obj, IReadOnlyList<ISelectedField> selection, PathNode node)
    {
        foreach (var key in obj.Keys)
        {
            if (ExpressionTools.MemberPath(key) is not { } keyPath) return false;
            node.Add(keyPath);
        }
        foreach (var selected in selection)
        {
            foreach (var field in obj.Fields)
            {
                if (field.Name != selected.Name) continue;
                switch (field)
                {
                    case ScalarDataField { MemberPath: { } path }:
                        node.Add(path);
                        break;
                    case ObjectDataField { Projected: false }:
                        break;
                    case ObjectDataField { MemberPath: { } path } o when o.Target.CanProject:
                        if (!Collect(o.Target, selected.GetSelectedFields(), node.Child(path))) return false;
                        break;
                    case ObjectDataField { MemberPath: { } path }:
                        node.Add(path); // the whole related entity
                        break;
                    case RequiresField r:
                        foreach (var m in r.Members)
                        {
                            if (ExpressionTools.MemberPath(m) is not { } p) return false;
                            node.Add(p);
                        }
                        break;
                    case ScalarDataField or ObjectDataField:
                        // Declared with an expression that is not a member chain: the GraphQL field must have its own
                        // resolver and say what it reads with Requires.
                        break;
                }
            }
        }
        return true;
    }

    private static Expression? Init(Type type, Expression source, PathNode node)
    {
        if (type.GetConstructor(Type.EmptyTypes) is not { } ctor) return null;
        var bindings = new List<MemberBinding>();
        foreach (var (member, child) in node.Children)
        {
            if (!IsWritable(member)) return null;
            var access = Expression.MakeMemberAccess(source, member);
            Expression value;
            if (child.Whole || child.Children.Count == 0) value = access;
            else
            {
                var inner = Init(access.Type, access, child);
                if (inner is null) return null;
                value = access.Type.IsValueType ? inner
                    : Expression.Condition(Expression.Equal(access, Expression.Constant(null, access.Type)), Expression.Constant(null, access.Type), inner);
            }
            bindings.Add(Expression.Bind(member, value));
        }
        return Expression.MemberInit(Expression.New(ctor), bindings);
    }

    private static bool IsWritable(MemberInfo member) => member switch
    {
        PropertyInfo p => p.SetMethod is { IsPublic: true },
        FieldInfo f => f.IsPublic && !f.IsInitOnly,
        _ => false,
    };

    /// <summary>A tree of member paths; <see cref="Whole"/> means the member is read entirely.</summary>
    private sealed class PathNode
    {
        public Dictionary<MemberInfo, PathNode> Children { get; } = [];
        public bool Whole { get; private set; }

        public void Add(IReadOnlyList<MemberInfo> path) => Child(path).Whole = true;

        public PathNode Child(IReadOnlyList<MemberInfo> path)
        {
            var n = this;
            foreach (var m in path)
            {
                if (!n.Children.TryGetValue(m, out var next)) n.Children[m] = next = new PathNode();
                n = next;
            }
            return n;
        }
    }
}

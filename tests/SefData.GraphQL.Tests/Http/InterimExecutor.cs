using SefData.GraphQL.Http;
using SefData.GraphQL.Language;
using SefData.GraphQL.Types;
using SefData.GraphQL.Utilities;

namespace SefData.GraphQL.Tests.Http;

/// <summary>Which engine the HTTP tests run behind the endpoint.</summary>
internal static class TestEngine
{
    public static void Register(Microsoft.Extensions.DependencyInjection.IServiceCollection services) =>
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<IGraphQLExecutor, InterimExecutor>(services);
}

/// <summary>
/// TEMPORARY stand-in until the real executor (branch exec) is merged: fields, nested objects and lists,
/// __typename, __type { name }, required-variable coercion. Not a GraphQL executor; deleted on merge.
/// </summary>
internal sealed class InterimExecutor : IGraphQLExecutor
{
    public async Task<GraphQLResponse> ExecuteAsync(ExecutionArgs args)
    {
        var op = args.Document.Definitions.OfType<OperationDefinitionNode>()
            .Single(o => args.OperationName is null || o.Name?.Value == args.OperationName);
        var variables = new Dictionary<string, object?>();
        foreach (var definition in op.VariableDefinitions)
        {
            var name = definition.Variable.Name.Value;
            object? value = null;
            var provided = args.Variables?.TryGetValue(name, out value) == true;
            if (definition.Type is NonNullTypeNode && value is null)
                return GraphQLResponse.RequestError(new GraphQLError($"Variable \"${name}\" of non-null type \"{Printer.Print(definition.Type)}\" must not be null.", [definition]));
            if (provided) variables[name] = value;
        }
        var errors = new List<GraphQLError>();
        var root = args.Schema.GetRootType(op.Operation)!;
        var data = await SelectAsync(args, root, null, op.SelectionSet, variables, errors, []);
        return new GraphQLResponse { HasData = true, Data = data, Errors = errors };
    }

    private static async Task<Dictionary<string, object?>> SelectAsync(ExecutionArgs args, ObjectType type, object? parent, SelectionSetNode set,
        Dictionary<string, object?> variables, List<GraphQLError> errors, List<object> path)
    {
        var result = new Dictionary<string, object?>();
        foreach (var field in set.Selections.OfType<FieldNode>())
        {
            var key = field.ResponseKey;
            if (field.Name.Value == "__typename") { result[key] = type.Name; continue; }
            if (field.Name.Value == "__type")
            {
                var arg = field.Arguments[0].Value;
                var typeName = arg is VariableNode v ? variables[v.Name.Value] as string : ((StringValueNode)arg).Value;
                result[key] = args.Schema.GetType(typeName!) is { } t ? new Dictionary<string, object?> { ["name"] = t.Name } : null;
                continue;
            }
            var definition = type.GetField(field.Name.Value)!;
            var arguments = new Dictionary<string, object?>();
            foreach (var a in definition.Arguments) if (a.HasDefaultValue) arguments[a.Name] = a.DefaultValue;
            foreach (var a in field.Arguments)
                arguments[a.Name.Value] = a.Value is VariableNode vn ? variables.GetValueOrDefault(vn.Name.Value) : (ValueFromAst.TryConvert(a.Value, definition.GetArgument(a.Name.Value)!.Type, variables, out var converted) ? converted : null);
            var fieldPath = new List<object>(path) { key };
            try
            {
                var context = new Context(args, parent, arguments, definition, type, variables);
                var value = await (definition.Resolver ?? DefaultResolvers.ResolveField)(context);
                result[key] = await CompleteAsync(args, definition.Type, value, field, variables, errors, fieldPath);
            }
            catch (Exception ex)
            {
                errors.Add(new GraphQLError(ex.Message, [field], path: fieldPath));
                result[key] = null;
            }
        }
        return result;
    }

    private static async Task<object?> CompleteAsync(ExecutionArgs args, GraphQLType type, object? value, FieldNode field,
        Dictionary<string, object?> variables, List<GraphQLError> errors, List<object> path)
    {
        if (type is NonNullType nn) type = nn.OfType;
        if (value is null) return null;
        if (type is ListType list)
        {
            var items = new List<object?>();
            var i = 0;
            foreach (var item in (System.Collections.IEnumerable)value)
                items.Add(await CompleteAsync(args, list.OfType, item, field, variables, errors, [.. path, i++]));
            return items;
        }
        if (type is ObjectType obj) return await SelectAsync(args, obj, value, field.SelectionSet!, variables, errors, path);
        return ((ScalarType)type).Serialize(value);
    }

    private sealed class Context(ExecutionArgs args, object? parent, IReadOnlyDictionary<string, object?> arguments, FieldDefinition definition, ObjectType parentType,
        IReadOnlyDictionary<string, object?> variables) : IResolverContext
    {
        public Schema Schema => args.Schema;
        public object? Parent => parent;
        public IReadOnlyDictionary<string, object?> Arguments => arguments;
        public FieldDefinition FieldDefinition => definition;
        public ObjectType ParentType => parentType;
        public ResponsePath Path => new(null, definition.Name);
        public IReadOnlyList<FieldNode> FieldNodes => [];
        public OperationDefinitionNode Operation => null!;
        public IReadOnlyDictionary<string, FragmentDefinitionNode> Fragments => new Dictionary<string, FragmentDefinitionNode>();
        public IReadOnlyDictionary<string, object?> VariableValues => variables;
        public IDictionary<string, object?> ContextData => args.ContextData;
        public IServiceProvider Services => args.Services;
        public CancellationToken CancellationToken => args.CancellationToken;
        public IReadOnlyList<ISelectedField> GetSelectedFields(ObjectType? typeCondition = null) => [];
    }
}

using SefData.GraphQL.Language;
using SefData.GraphQL.Utilities;

namespace SefData.GraphQL.Types;

/// <summary>graphql-js validateSchema: every type-system rule, with graphql-js's messages and nodes, in its order.</summary>
internal static class SchemaValidator
{
    public static IReadOnlyList<GraphQLError> Validate(Schema schema)
    {
        var context = new Context(schema);
        ValidateRootTypes(context);
        ValidateDirectives(context);
        ValidateTypes(context);
        return context.Errors;
    }

    private sealed class Context(Schema schema)
    {
        public Schema Schema { get; } = schema;
        public List<GraphQLError> Errors { get; } = [];

        public void Report(string message, params SyntaxNode?[] nodes)
            => Errors.Add(new GraphQLError(message, nodes.Where(n => n is not null).Select(n => n!).ToArray()));
    }

    private static void ValidateRootTypes(Context context)
    {
        var schema = context.Schema;
        if (schema.QueryType is null)
        {
            if (schema.InvalidRootTypes.TryGetValue(OperationType.Query, out var invalid))
                context.Report($"Query root type must be Object type, it cannot be {invalid.Name}.", OperationTypeNode(schema, OperationType.Query) ?? invalid.AstNode);
            else
                context.Report("Query root type must be provided.", schema.AstNode);
        }
        foreach (var (op, label) in new[] { (OperationType.Mutation, "Mutation"), (OperationType.Subscription, "Subscription") })
        {
            if (schema.InvalidRootTypes.TryGetValue(op, out var invalid))
                context.Report($"{label} root type must be Object type if provided, it cannot be {invalid.Name}.", OperationTypeNode(schema, op) ?? invalid.AstNode);
        }
    }

    private static SyntaxNode? OperationTypeNode(Schema schema, OperationType operation)
    {
        var all = (schema.AstNode?.OperationTypes ?? []).Concat(schema.ExtensionAstNodes.SelectMany(e => e.OperationTypes));
        return all.FirstOrDefault(o => o.Operation == operation)?.Type;
    }

    private static void ValidateDirectives(Context context)
    {
        foreach (var directive in context.Schema.Directives)
        {
            ValidateName(context, directive.Name, directive.AstNode);
            if (directive.Locations.Count == 0)
                context.Report($"Directive @{directive.Name} must include 1 or more locations.", directive.AstNode);
            foreach (var arg in directive.Arguments)
            {
                ValidateName(context, arg.Name, arg.AstNode);
                if (!arg.Type.IsInputType())
                    context.Report($"The type of @{directive.Name}({arg.Name}:) must be Input Type but got: {arg.Type}.", arg.AstNode);
                if (arg.IsRequired && arg.DeprecationReason is not null)
                    context.Report($"Required argument @{directive.Name}({arg.Name}:) cannot be deprecated.", DeprecatedDirectiveNode(arg.AstNode), arg.AstNode?.Type);
            }
        }
    }

    private static void ValidateName(Context context, string name, SyntaxNode? node)
    {
        if (name.StartsWith("__", StringComparison.Ordinal))
            context.Report($"Name \"{name}\" must not begin with \"__\", which is reserved by GraphQL introspection.", node);
    }

    private static void ValidateTypes(Context context)
    {
        var circularRefs = new InputObjectCycleDetector(context);
        foreach (var type in context.Schema.Types)
        {
            if (!Introspection.IsIntrospectionType(type)) ValidateName(context, type.Name, type.AstNode);
            switch (type)
            {
                case ComplexType complex:
                    ValidateFields(context, complex);
                    ValidateInterfaces(context, complex);
                    break;
                case UnionType union:
                    ValidateUnionMembers(context, union);
                    break;
                case EnumType enumType:
                    ValidateEnumValues(context, enumType);
                    break;
                case InputObjectType input:
                    ValidateInputFields(context, input);
                    circularRefs.Detect(input);
                    break;
            }
        }
    }

    private static SyntaxNode?[] TypeNodes(NamedType type) => [type.AstNode, .. type.ExtensionAstNodes];

    private static void ValidateFields(Context context, ComplexType type)
    {
        if (type.Fields.Count == 0) context.Report($"Type {type.Name} must define one or more fields.", TypeNodes(type));
        foreach (var field in type.Fields)
        {
            ValidateName(context, field.Name, field.AstNode);
            if (!field.Type.IsOutputType())
                context.Report($"The type of {type.Name}.{field.Name} must be Output Type but got: {field.Type}.", field.AstNode?.Type);
            foreach (var arg in field.Arguments)
            {
                ValidateName(context, arg.Name, arg.AstNode);
                if (!arg.Type.IsInputType())
                    context.Report($"The type of {type.Name}.{field.Name}({arg.Name}:) must be Input Type but got: {arg.Type}.", arg.AstNode?.Type);
                if (arg.IsRequired && arg.DeprecationReason is not null)
                    context.Report($"Required argument {type.Name}.{field.Name}({arg.Name}:) cannot be deprecated.", DeprecatedDirectiveNode(arg.AstNode), arg.AstNode?.Type);
            }
        }
    }

    private static void ValidateInterfaces(Context context, ComplexType type)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var declared = DeclaredTypeReferences.Get(type) ?? type.Interfaces;
        foreach (var candidate in declared)
        {
            if (candidate is not InterfaceType iface)
            {
                context.Report($"Type {type.Name} must only implement Interface types, it cannot implement {candidate.Name}.", ImplementsNodes(type, candidate.Name));
                continue;
            }
            if (ReferenceEquals(type, iface))
            {
                context.Report($"Type {type.Name} cannot implement itself because it would create a circular reference.", ImplementsNodes(type, iface.Name));
                continue;
            }
            if (!seen.Add(iface.Name))
            {
                context.Report($"Type {type.Name} can only implement {iface.Name} once.", ImplementsNodes(type, iface.Name));
                continue;
            }
            ValidateTypeImplementsAncestors(context, type, iface);
            ValidateTypeImplementsInterface(context, type, iface);
        }
    }

    private static void ValidateTypeImplementsInterface(Context context, ComplexType type, InterfaceType iface)
    {
        foreach (var ifaceField in iface.Fields)
        {
            var fieldName = ifaceField.Name;
            var typeField = type.GetField(fieldName);
            if (typeField is null)
            {
                context.Report($"Interface field {iface.Name}.{fieldName} expected but {type.Name} does not provide it.",
                    [ifaceField.AstNode, .. TypeNodes(type)]);
                continue;
            }
            if (!TypeComparators.IsTypeSubTypeOf(context.Schema, typeField.Type, ifaceField.Type))
            {
                context.Report($"Interface field {iface.Name}.{fieldName} expects type {ifaceField.Type} but {type.Name}.{fieldName} is type {typeField.Type}.",
                    ifaceField.AstNode?.Type, typeField.AstNode?.Type);
            }
            foreach (var ifaceArg in ifaceField.Arguments)
            {
                var typeArg = typeField.GetArgument(ifaceArg.Name);
                if (typeArg is null)
                {
                    context.Report($"Interface field argument {iface.Name}.{fieldName}({ifaceArg.Name}:) expected but {type.Name}.{fieldName} does not provide it.",
                        ifaceArg.AstNode, typeField.AstNode);
                    continue;
                }
                // Invariant, as graphql-js (the spec leaves contravariance open).
                if (!TypeComparators.IsEqualType(ifaceArg.Type, typeArg.Type))
                {
                    context.Report($"Interface field argument {iface.Name}.{fieldName}({ifaceArg.Name}:) expects type {ifaceArg.Type} but {type.Name}.{fieldName}({ifaceArg.Name}:) is type {typeArg.Type}.",
                        ifaceArg.AstNode?.Type, typeArg.AstNode?.Type);
                }
            }
            foreach (var typeArg in typeField.Arguments)
            {
                if (ifaceField.GetArgument(typeArg.Name) is null && typeArg.IsRequired)
                {
                    context.Report($"Object field {type.Name}.{fieldName} includes required argument {typeArg.Name} that is missing from the Interface field {iface.Name}.{fieldName}.",
                        typeArg.AstNode, ifaceField.AstNode);
                }
            }
        }
    }

    private static void ValidateTypeImplementsAncestors(Context context, ComplexType type, InterfaceType iface)
    {
        var typeInterfaces = type.Interfaces;
        foreach (var transitive in iface.Interfaces)
        {
            if (typeInterfaces.Contains(transitive)) continue;
            var message = ReferenceEquals(transitive, type)
                ? $"Type {type.Name} cannot implement {iface.Name} because it would create a circular reference."
                : $"Type {type.Name} must implement {transitive.Name} because it is implemented by {iface.Name}.";
            context.Report(message, [.. ImplementsNodes(iface, transitive.Name), .. ImplementsNodes(type, iface.Name)]);
        }
    }

    private static void ValidateUnionMembers(Context context, UnionType union)
    {
        var declared = DeclaredTypeReferences.Get(union) ?? union.Types;
        if (declared.Count == 0) context.Report($"Union type {union.Name} must define one or more member types.", TypeNodes(union));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in declared)
        {
            if (!seen.Add(member.Name))
            {
                context.Report($"Union type {union.Name} can only include type {member.Name} once.", UnionMemberNodes(union, member.Name));
                continue;
            }
            if (member is not ObjectType)
                context.Report($"Union type {union.Name} can only include Object types, it cannot include {member.Name}.", UnionMemberNodes(union, member.Name));
        }
    }

    private static void ValidateEnumValues(Context context, EnumType enumType)
    {
        if (enumType.Values.Count == 0) context.Report($"Enum type {enumType.Name} must define one or more values.", TypeNodes(enumType));
        foreach (var value in enumType.Values) ValidateName(context, value.Name, value.AstNode);
    }

    private static void ValidateInputFields(Context context, InputObjectType input)
    {
        if (input.Fields.Count == 0) context.Report($"Input Object type {input.Name} must define one or more fields.", TypeNodes(input));
        foreach (var field in input.Fields)
        {
            ValidateName(context, field.Name, field.AstNode);
            if (!field.Type.IsInputType())
                context.Report($"The type of {input.Name}.{field.Name} must be Input Type but got: {field.Type}.", field.AstNode?.Type);
            if (field.IsRequired && field.DeprecationReason is not null)
                context.Report($"Required input field {input.Name}.{field.Name} cannot be deprecated.", DeprecatedDirectiveNode(field.AstNode), field.AstNode?.Type);
            if (input.IsOneOf)
            {
                if (field.Type is NonNullType)
                    context.Report($"OneOf input field {input.Name}.{field.Name} must be nullable.", field.AstNode?.Type);
                if (field.HasDefaultValue)
                    context.Report($"OneOf input field {input.Name}.{field.Name} cannot have a default value.", field.AstNode);
            }
        }
    }

    // Depth-first search that keeps going after a cycle so every cycle is reported, each once.
    private sealed class InputObjectCycleDetector(Context context)
    {
        private readonly HashSet<string> _visited = new(StringComparer.Ordinal);
        private readonly List<InputFieldDefinition> _fieldPath = [];
        private readonly Dictionary<string, int> _pathIndexByTypeName = new(StringComparer.Ordinal);

        public void Detect(InputObjectType input)
        {
            if (!_visited.Add(input.Name)) return;
            _pathIndexByTypeName[input.Name] = _fieldPath.Count;
            foreach (var field in input.Fields)
            {
                if (field.Type is not NonNullType { OfType: InputObjectType fieldType }) continue;
                _fieldPath.Add(field);
                if (!_pathIndexByTypeName.TryGetValue(fieldType.Name, out var cycleIndex))
                {
                    Detect(fieldType);
                }
                else
                {
                    var cycle = _fieldPath.Skip(cycleIndex).ToList();
                    var pathStr = string.Join(".", cycle.Select(f => f.Name));
                    context.Report($"Cannot reference Input Object \"{fieldType.Name}\" within itself through a series of non-null fields: \"{pathStr}\".",
                        cycle.Select(f => (SyntaxNode?)f.AstNode).ToArray());
                }
                _fieldPath.RemoveAt(_fieldPath.Count - 1);
            }
            _pathIndexByTypeName.Remove(input.Name);
        }
    }

    private static SyntaxNode?[] ImplementsNodes(NamedType type, string interfaceName)
    {
        var nodes = new List<SyntaxNode?>();
        foreach (var node in TypeNodes(type))
        {
            var interfaces = node switch
            {
                ObjectTypeDefinitionNode o => o.Interfaces,
                ObjectTypeExtensionNode o => o.Interfaces,
                InterfaceTypeDefinitionNode i => i.Interfaces,
                InterfaceTypeExtensionNode i => i.Interfaces,
                _ => [],
            };
            nodes.AddRange(interfaces.Where(i => i.Name.Value == interfaceName));
        }
        return nodes.ToArray();
    }

    private static SyntaxNode?[] UnionMemberNodes(UnionType union, string typeName)
    {
        var nodes = new List<SyntaxNode?>();
        foreach (var node in TypeNodes(union))
        {
            var types = node switch
            {
                UnionTypeDefinitionNode d => d.Types,
                UnionTypeExtensionNode e => e.Types,
                _ => [],
            };
            nodes.AddRange(types.Where(t => t.Name.Value == typeName));
        }
        return nodes.ToArray();
    }

    private static DirectiveNode? DeprecatedDirectiveNode(InputValueDefinitionNode? node)
        => node?.Directives.FirstOrDefault(d => d.Name.Value == "deprecated");
}

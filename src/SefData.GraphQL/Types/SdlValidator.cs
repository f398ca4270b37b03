using SefData.GraphQL.Language;
using SefData.GraphQL.Utilities;

namespace SefData.GraphQL.Types;

/// <summary>
/// graphql-js validateSDL for a document that builds a new schema (specifiedSDLRules, no schema to extend): the
/// errors come in graphql-js order (document order; for one node, rule order), with its messages.
/// </summary>
public static class SdlValidator
{
    public static IReadOnlyList<GraphQLError> Validate(DocumentNode document)
    {
        var walker = new Walker(document);
        walker.Walk(document);
        return walker.Errors;
    }

    private static readonly string[] StandardTypeNames =
        [.. ScalarType.SpecifiedScalarTypes.Select(t => t.Name), .. Introspection.IntrospectionTypes.Select(t => t.Name)];

    // The rules share one walk; none of them depends on another's "skip children", so a single visitor calling each
    // rule's handler in specifiedSDLRules order reproduces visitInParallel's error order.
    private sealed class Walker : SyntaxWalker
    {
        public List<GraphQLError> Errors { get; } = [];

        private readonly Dictionary<string, TypeDefinitionNode> _definedTypes = new(StringComparer.Ordinal);
        private readonly Dictionary<string, IReadOnlyList<string>> _directiveLocations = new(StringComparer.Ordinal);
        private readonly Dictionary<string, bool> _directiveUnique = new(StringComparer.Ordinal);
        private readonly Dictionary<string, IReadOnlyList<string>> _directiveArgs = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<(string Name, string Type)>> _requiredDirectiveArgs = new(StringComparer.Ordinal);

        private int _schemaDefinitions;
        private readonly Dictionary<OperationType, OperationTypeDefinitionNode> _operationTypes = [];
        private readonly Dictionary<string, NameNode> _typeNames = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Dictionary<string, NameNode>> _enumValues = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Dictionary<string, NameNode>> _fieldNames = new(StringComparer.Ordinal);
        private readonly Dictionary<string, NameNode> _directiveNames = new(StringComparer.Ordinal);
        private readonly Dictionary<string, DirectiveNode> _schemaDirectives = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Dictionary<string, DirectiveNode>> _typeDirectives = new(StringComparer.Ordinal);
        private readonly Stack<Dictionary<string, NameNode>> _inputFieldNames = new();

        public Walker(DocumentNode document)
        {
            foreach (var d in DirectiveDefinition.SpecifiedDirectives)
            {
                _directiveLocations[d.Name] = d.Locations.Select(l => l.ToSpecName()).ToList();
                _directiveUnique[d.Name] = !d.IsRepeatable;
                _directiveArgs[d.Name] = d.Arguments.Select(a => a.Name).ToList();
                _requiredDirectiveArgs[d.Name] = d.Arguments.Where(a => a.IsRequired).Select(a => (a.Name, a.Type.ToString())).ToList();
            }
            foreach (var def in document.Definitions)
            {
                switch (def)
                {
                    case TypeDefinitionNode { IsExtension: false } typeDef:
                        _definedTypes[typeDef.Name.Value] = typeDef;
                        break;
                    case DirectiveDefinitionNode directive:
                        var name = directive.Name.Value;
                        _directiveLocations[name] = directive.Locations.Select(l => l.Value).ToList();
                        _directiveUnique[name] = !directive.Repeatable;
                        _directiveArgs[name] = directive.Arguments.Select(a => a.Name.Value).ToList();
                        _requiredDirectiveArgs[name] = directive.Arguments
                            .Where(a => a.Type is NonNullTypeNode && a.DefaultValue is null)
                            .Select(a => (a.Name.Value, Printer.Print(a.Type)))
                            .ToList();
                        break;
                }
            }
        }

        private void Report(string message, params SyntaxNode[] nodes) => Errors.Add(new GraphQLError(message, nodes));

        protected override VisitAction Enter(SyntaxNode node)
        {
            switch (node)
            {
                case SchemaDefinitionNode schemaDef:
                    if (_schemaDefinitions++ > 0) Report("Must provide only one schema definition.", node);
                    CheckOperationTypes(schemaDef.OperationTypes);
                    break;
                case SchemaExtensionNode schemaExt:
                    CheckOperationTypes(schemaExt.OperationTypes);
                    break;
                case TypeDefinitionNode typeNode:
                    if (!typeNode.IsExtension) CheckTypeName(typeNode);
                    switch (typeNode)
                    {
                        case EnumTypeDefinitionNode e: CheckEnumValues(e.Name.Value, e.Values); break;
                        case EnumTypeExtensionNode e: CheckEnumValues(e.Name.Value, e.Values); break;
                        case InputObjectTypeDefinitionNode i: CheckFieldNames(i.Name.Value, i.Fields.Select(f => f.Name)); break;
                        case InputObjectTypeExtensionNode i: CheckFieldNames(i.Name.Value, i.Fields.Select(f => f.Name)); break;
                        case InterfaceTypeDefinitionNode i: CheckComplex(i.Name.Value, i.Fields); break;
                        case InterfaceTypeExtensionNode i: CheckComplex(i.Name.Value, i.Fields); break;
                        case ObjectTypeDefinitionNode o: CheckComplex(o.Name.Value, o.Fields); break;
                        case ObjectTypeExtensionNode o: CheckComplex(o.Name.Value, o.Fields); break;
                    }
                    break;
                case DirectiveDefinitionNode directiveDef:
                    CheckArgumentDefinitions("@" + directiveDef.Name.Value, directiveDef.Arguments);
                    var directiveName = directiveDef.Name.Value;
                    if (_directiveNames.TryGetValue(directiveName, out var first))
                        Report($"There can be only one directive named \"@{directiveName}\".", first, directiveDef.Name);
                    else
                        _directiveNames[directiveName] = directiveDef.Name;
                    break;
                case NamedTypeNode named:
                    CheckKnownType(named);
                    break;
                case DirectiveNode directive:
                    CheckKnownDirective(directive);
                    break;
            }
            CheckUniqueDirectivesPerLocation(node);
            if (node is TypeDefinitionNode { IsExtension: true } extension) CheckPossibleExtension(extension);
            switch (node)
            {
                case DirectiveNode directive:
                    CheckKnownDirectiveArguments(directive);
                    CheckUniqueArguments(directive.Arguments);
                    break;
                case FieldNode field:
                    CheckUniqueArguments(field.Arguments);
                    break;
                case ObjectValueNode:
                    _inputFieldNames.Push(new Dictionary<string, NameNode>(StringComparer.Ordinal));
                    break;
                case ObjectFieldNode objectField when _inputFieldNames.TryPeek(out var names):
                    if (names.TryGetValue(objectField.Name.Value, out var firstField))
                        Report($"There can be only one input field named \"{objectField.Name.Value}\".", firstField, objectField.Name);
                    else
                        names[objectField.Name.Value] = objectField.Name;
                    break;
            }
            return VisitAction.Continue;
        }

        protected override VisitAction Leave(SyntaxNode node)
        {
            switch (node)
            {
                case ObjectValueNode:
                    _inputFieldNames.Pop();
                    break;
                case DirectiveNode directive when _requiredDirectiveArgs.TryGetValue(directive.Name.Value, out var required):
                    foreach (var (name, type) in required)
                    {
                        if (directive.Arguments.All(a => a.Name.Value != name))
                            Report($"Directive \"@{directive.Name.Value}\" argument \"{name}\" of type \"{type}\" is required, but it was not provided.", directive);
                    }
                    break;
            }
            return VisitAction.Continue;
        }

        private void CheckOperationTypes(IReadOnlyList<OperationTypeDefinitionNode> operationTypes)
        {
            foreach (var op in operationTypes)
            {
                if (_operationTypes.TryGetValue(op.Operation, out var previous))
                    Report($"There can be only one {Printer.OperationName(op.Operation)} type in schema.", previous, op);
                else
                    _operationTypes[op.Operation] = op;
            }
        }

        private void CheckTypeName(TypeDefinitionNode node)
        {
            var name = node.Name.Value;
            if (_typeNames.TryGetValue(name, out var first)) Report($"There can be only one type named \"{name}\".", first, node.Name);
            else _typeNames[name] = node.Name;
        }

        private void CheckEnumValues(string typeName, IReadOnlyList<EnumValueDefinitionNode> values)
        {
            if (!_enumValues.TryGetValue(typeName, out var known)) _enumValues[typeName] = known = new(StringComparer.Ordinal);
            foreach (var value in values)
            {
                if (known.TryGetValue(value.Name.Value, out var first))
                    Report($"Enum value \"{typeName}.{value.Name.Value}\" can only be defined once.", first, value.Name);
                else
                    known[value.Name.Value] = value.Name;
            }
        }

        private void CheckFieldNames(string typeName, IEnumerable<NameNode> fieldNames)
        {
            if (!_fieldNames.TryGetValue(typeName, out var known)) _fieldNames[typeName] = known = new(StringComparer.Ordinal);
            foreach (var name in fieldNames)
            {
                if (known.TryGetValue(name.Value, out var first))
                    Report($"Field \"{typeName}.{name.Value}\" can only be defined once.", first, name);
                else
                    known[name.Value] = name;
            }
        }

        // UniqueFieldDefinitionNames, then UniqueArgumentDefinitionNames, as the rule order puts them.
        private void CheckComplex(string typeName, IReadOnlyList<FieldDefinitionNode> fields)
        {
            CheckFieldNames(typeName, fields.Select(f => f.Name));
            foreach (var field in fields) CheckArgumentDefinitions($"{typeName}.{field.Name.Value}", field.Arguments);
        }

        private void CheckArgumentDefinitions(string parentName, IReadOnlyList<InputValueDefinitionNode> arguments)
        {
            foreach (var group in arguments.GroupBy(a => a.Name.Value, StringComparer.Ordinal))
            {
                if (group.Count() > 1)
                    Report($"Argument \"{parentName}({group.Key}:)\" can only be defined once.", group.Select(a => (SyntaxNode)a.Name).ToArray());
            }
        }

        private void CheckUniqueArguments(IReadOnlyList<ArgumentNode> arguments)
        {
            foreach (var group in arguments.GroupBy(a => a.Name.Value, StringComparer.Ordinal))
            {
                if (group.Count() > 1)
                    Report($"There can be only one argument named \"{group.Key}\".", group.Select(a => (SyntaxNode)a.Name).ToArray());
            }
        }

        private void CheckKnownType(NamedTypeNode node)
        {
            var name = node.Name.Value;
            if (_definedTypes.ContainsKey(name)) return;
            // graphql-js looks at the top-level definition (ancestors[2]) to decide whether this is SDL.
            var ancestors = Ancestors;
            var definition = ancestors.Length > 1 ? ancestors[1] : Parent;
            var isSdl = definition is TypeSystemDefinitionNode;
            if (isSdl && StandardTypeNames.Contains(name)) return;
            var candidates = isSdl ? StandardTypeNames.Concat(_definedTypes.Keys) : _definedTypes.Keys;
            Report($"Unknown type \"{name}\"." + Suggestions.DidYouMean(Suggestions.SuggestionList(name, candidates)), node);
        }

        private void CheckKnownDirective(DirectiveNode node)
        {
            var name = node.Name.Value;
            if (!_directiveLocations.TryGetValue(name, out var locations))
            {
                Report($"Unknown directive \"@{name}\".", node);
                return;
            }
            var candidate = LocationOf(Ancestors);
            if (candidate is not null && !locations.Contains(candidate))
                Report($"Directive \"@{name}\" may not be used on {candidate}.", node);
        }

        private static string? LocationOf(ReadOnlySpan<SyntaxNode> ancestors)
        {
            var appliedTo = ancestors[^1];
            return appliedTo switch
            {
                OperationDefinitionNode op => op.Operation switch
                {
                    OperationType.Query => "QUERY",
                    OperationType.Mutation => "MUTATION",
                    _ => "SUBSCRIPTION",
                },
                FieldNode => "FIELD",
                FragmentSpreadNode => "FRAGMENT_SPREAD",
                InlineFragmentNode => "INLINE_FRAGMENT",
                FragmentDefinitionNode => "FRAGMENT_DEFINITION",
                VariableDefinitionNode => "VARIABLE_DEFINITION",
                SchemaDefinitionNode or SchemaExtensionNode => "SCHEMA",
                ScalarTypeDefinitionNode or ScalarTypeExtensionNode => "SCALAR",
                ObjectTypeDefinitionNode or ObjectTypeExtensionNode => "OBJECT",
                FieldDefinitionNode => "FIELD_DEFINITION",
                InterfaceTypeDefinitionNode or InterfaceTypeExtensionNode => "INTERFACE",
                UnionTypeDefinitionNode or UnionTypeExtensionNode => "UNION",
                EnumTypeDefinitionNode or EnumTypeExtensionNode => "ENUM",
                EnumValueDefinitionNode => "ENUM_VALUE",
                InputObjectTypeDefinitionNode or InputObjectTypeExtensionNode => "INPUT_OBJECT",
                // As graphql-js: only a field of an input object *definition* counts as an input field definition.
                InputValueDefinitionNode => ancestors.Length > 1 && ancestors[^2] is InputObjectTypeDefinitionNode ? "INPUT_FIELD_DEFINITION" : "ARGUMENT_DEFINITION",
                _ => null,
            };
        }

        private void CheckUniqueDirectivesPerLocation(SyntaxNode node)
        {
            IReadOnlyList<DirectiveNode>? directives = node switch
            {
                TypeSystemDefinitionNode t when t is not DirectiveDefinitionNode => t.Directives,
                ExecutableDefinitionNode e => e.Directives,
                SelectionNode s => s.Directives,
                VariableDefinitionNode v => v.Directives,
                FieldDefinitionNode f => f.Directives,
                InputValueDefinitionNode i => i.Directives,
                EnumValueDefinitionNode ev => ev.Directives,
                _ => null,
            };
            if (directives is null) return;
            Dictionary<string, DirectiveNode> seen;
            if (node is SchemaDefinitionNode or SchemaExtensionNode) seen = _schemaDirectives;
            else if (node is TypeDefinitionNode typeNode)
            {
                if (!_typeDirectives.TryGetValue(typeNode.Name.Value, out seen!))
                    _typeDirectives[typeNode.Name.Value] = seen = new(StringComparer.Ordinal);
            }
            else seen = new(StringComparer.Ordinal);
            foreach (var directive in directives)
            {
                var name = directive.Name.Value;
                if (!_directiveUnique.GetValueOrDefault(name)) continue;
                if (seen.TryGetValue(name, out var first))
                    Report($"The directive \"@{name}\" can only be used once at this location.", first, directive);
                else
                    seen[name] = directive;
            }
        }

        private void CheckPossibleExtension(TypeDefinitionNode node)
        {
            var name = node.Name.Value;
            if (_definedTypes.TryGetValue(name, out var definition))
            {
                var matches = (definition, node) switch
                {
                    (ScalarTypeDefinitionNode, ScalarTypeExtensionNode) => true,
                    (ObjectTypeDefinitionNode, ObjectTypeExtensionNode) => true,
                    (InterfaceTypeDefinitionNode, InterfaceTypeExtensionNode) => true,
                    (UnionTypeDefinitionNode, UnionTypeExtensionNode) => true,
                    (EnumTypeDefinitionNode, EnumTypeExtensionNode) => true,
                    (InputObjectTypeDefinitionNode, InputObjectTypeExtensionNode) => true,
                    _ => false,
                };
                if (!matches)
                {
                    var kind = node switch
                    {
                        ScalarTypeExtensionNode => "scalar",
                        ObjectTypeExtensionNode => "object",
                        InterfaceTypeExtensionNode => "interface",
                        UnionTypeExtensionNode => "union",
                        EnumTypeExtensionNode => "enum",
                        _ => "input object",
                    };
                    Report($"Cannot extend non-{kind} type \"{name}\".", definition, node);
                }
                return;
            }
            Report($"Cannot extend type \"{name}\" because it is not defined." + Suggestions.DidYouMean(Suggestions.SuggestionList(name, _definedTypes.Keys)), node.Name);
        }

        private void CheckKnownDirectiveArguments(DirectiveNode directive)
        {
            if (!_directiveArgs.TryGetValue(directive.Name.Value, out var known)) return;
            foreach (var arg in directive.Arguments)
            {
                if (!known.Contains(arg.Name.Value))
                    Report($"Unknown argument \"{arg.Name.Value}\" on directive \"@{directive.Name.Value}\"." + Suggestions.DidYouMean(Suggestions.SuggestionList(arg.Name.Value, known)), arg);
            }
        }
    }
}

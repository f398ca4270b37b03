using SefData.GraphQL.Language;

namespace SefData.GraphQL.Types;

/// <summary>
/// Turns SDL definitions and extensions into builder configuration (graphql-js buildASTSchema/extendSchemaImpl for
/// one document): extensions add to the definition of the same name, wherever they appear in the document.
/// </summary>
internal static class SdlReader
{
    public static void Read(SchemaBuilder builder, DocumentNode document)
    {
        var extensions = new List<TypeDefinitionNode>();
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case SchemaDefinitionNode schemaDef:
                    builder.SetSchemaAst(schemaDef);
                    foreach (var op in schemaDef.OperationTypes) builder.SetRoot(op.Operation, op.Type.Name.Value, op.Type);
                    break;
                case SchemaExtensionNode schemaExt:
                    builder.AddSchemaExtension(schemaExt);
                    foreach (var op in schemaExt.OperationTypes) builder.SetRoot(op.Operation, op.Type.Name.Value, op.Type);
                    break;
                case TypeDefinitionNode { IsExtension: true } ext:
                    extensions.Add(ext);
                    break;
                case TypeDefinitionNode typeDef:
                    builder.AddType(CreateConfig(typeDef));
                    break;
                case DirectiveDefinitionNode directiveDef:
                    builder.AddDirectiveConfig(CreateDirective(builder, directiveDef));
                    break;
            }
        }
        foreach (var ext in extensions)
        {
            var config = builder.FindType(ext.Name.Value);
            if (config is null || !ExtensionMatches(config, ext))
            {
                builder.AddBuildError(config is null
                    ? new GraphQLError($"Cannot extend type \"{ext.Name.Value}\" because it is not defined.", [ext.Name])
                    : new GraphQLError($"Cannot extend non-{config.KindName} type \"{ext.Name.Value}\".", [ext]));
                continue;
            }
            config.ExtensionAstNodes.Add(ext);
            Apply(config, ext);
        }
    }

    private static bool ExtensionMatches(TypeConfig config, TypeDefinitionNode ext) => (config, ext) switch
    {
        (ScalarConfig, ScalarTypeExtensionNode) => true,
        (ComplexTypeConfig { IsInterface: false }, ObjectTypeExtensionNode) => true,
        (ComplexTypeConfig { IsInterface: true }, InterfaceTypeExtensionNode) => true,
        (UnionConfig, UnionTypeExtensionNode) => true,
        (EnumConfig, EnumTypeExtensionNode) => true,
        (InputObjectConfig, InputObjectTypeExtensionNode) => true,
        _ => false,
    };

    private static TypeConfig CreateConfig(TypeDefinitionNode node)
    {
        TypeConfig config = node switch
        {
            ScalarTypeDefinitionNode => new ScalarConfig(node.Name.Value),
            ObjectTypeDefinitionNode => new ComplexTypeConfig(node.Name.Value, isInterface: false),
            InterfaceTypeDefinitionNode => new ComplexTypeConfig(node.Name.Value, isInterface: true),
            UnionTypeDefinitionNode => new UnionConfig(node.Name.Value),
            EnumTypeDefinitionNode => new EnumConfig(node.Name.Value),
            InputObjectTypeDefinitionNode => new InputObjectConfig(node.Name.Value),
            _ => throw new ArgumentOutOfRangeException(nameof(node)),
        };
        config.Description = node.Description?.Value;
        config.AstNode = node;
        Apply(config, node);
        return config;
    }

    // Adds what a definition or extension node contributes.
    private static void Apply(TypeConfig config, TypeDefinitionNode node)
    {
        switch (config, node)
        {
            // As graphql-js buildASTSchema, @specifiedBy and @oneOf count only on the definition, not on extensions.
            case (ScalarConfig s, ScalarTypeDefinitionNode):
                if (GetDirectiveArgument(node.Directives, "specifiedBy", "url") is StringValueNode url) s.SpecifiedByUrl = url.Value;
                break;
            case (ComplexTypeConfig c, ObjectTypeDefinitionNode o): AddComplex(c, o.Interfaces, o.Fields); break;
            case (ComplexTypeConfig c, ObjectTypeExtensionNode o): AddComplex(c, o.Interfaces, o.Fields); break;
            case (ComplexTypeConfig c, InterfaceTypeDefinitionNode i): AddComplex(c, i.Interfaces, i.Fields); break;
            case (ComplexTypeConfig c, InterfaceTypeExtensionNode i): AddComplex(c, i.Interfaces, i.Fields); break;
            case (UnionConfig u, UnionTypeDefinitionNode d): foreach (var t in d.Types) u.Members.Add(t.Name.Value); break;
            case (UnionConfig u, UnionTypeExtensionNode d): foreach (var t in d.Types) u.Members.Add(t.Name.Value); break;
            case (EnumConfig e, EnumTypeDefinitionNode d): AddEnumValues(e, d.Values); break;
            case (EnumConfig e, EnumTypeExtensionNode d): AddEnumValues(e, d.Values); break;
            case (InputObjectConfig io, InputObjectTypeDefinitionNode d):
                AddInputFields(io, d.Fields);
                if (HasDirective(d.Directives, "oneOf")) io.IsOneOf = true;
                break;
            case (InputObjectConfig io, InputObjectTypeExtensionNode d):
                AddInputFields(io, d.Fields);
                break;
        }
    }

    private static void AddComplex(ComplexTypeConfig c, IReadOnlyList<NamedTypeNode> interfaces, IReadOnlyList<FieldDefinitionNode> fields)
    {
        // Duplicates are kept: graphql-js lists an interface twice and the validator reports it.
        foreach (var i in interfaces) c.Interfaces.Add(i.Name.Value);
        foreach (var f in fields)
        {
            var field = new FieldBuilder(f.Name.Value, TypeReference.FromNode(f.Type)) { AstNode = f };
            field.Description(f.Description?.Value);
            if (GetDeprecationReason(f.Directives) is { } reason) field.Deprecated(reason);
            foreach (var a in f.Arguments) field.Arguments.Add(CreateInputValue(a));
            c.AddField(field);
        }
    }

    private static void AddEnumValues(EnumConfig e, IReadOnlyList<EnumValueDefinitionNode> values)
    {
        foreach (var v in values)
        {
            e.Values.Add(new EnumValueDefinition(v.Name.Value)
            {
                Description = v.Description?.Value,
                DeprecationReason = GetDeprecationReason(v.Directives),
                AstNode = v,
            });
        }
    }

    private static void AddInputFields(InputObjectConfig io, IReadOnlyList<InputValueDefinitionNode> fields)
    {
        foreach (var f in fields) io.Fields.Add(CreateInputValue(f));
    }

    private static InputValueBuilder CreateInputValue(InputValueDefinitionNode node)
    {
        var value = new InputValueBuilder(node.Name.Value, TypeReference.FromNode(node.Type)) { AstNode = node };
        value.Description(node.Description?.Value);
        if (node.DefaultValue is not null) value.DefaultLiteralValue(node.DefaultValue);
        if (GetDeprecationReason(node.Directives) is { } reason) value.Deprecated(reason);
        return value;
    }

    private static DirectiveConfig CreateDirective(SchemaBuilder builder, DirectiveDefinitionNode node)
    {
        var config = new DirectiveConfig(node.Name.Value)
        {
            Description = node.Description?.Value,
            IsRepeatable = node.Repeatable,
            AstNode = node,
        };
        foreach (var location in node.Locations)
        {
            if (DirectiveLocationExtensions.TryParse(location.Value, out var l)) config.Locations.Add(l);
            else builder.AddBuildError(new GraphQLError($"Unexpected Name \"{location.Value}\".", [location]));
        }
        foreach (var a in node.Arguments) config.Arguments.Add(CreateInputValue(a));
        return config;
    }

    private static bool HasDirective(IReadOnlyList<DirectiveNode> directives, string name)
    {
        foreach (var d in directives)
        {
            if (d.Name.Value == name) return true;
        }
        return false;
    }

    /// <summary>@deprecated's reason (default "No longer supported"); null when absent or reason is null.</summary>
    private static string? GetDeprecationReason(IReadOnlyList<DirectiveNode> directives)
    {
        foreach (var d in directives)
        {
            if (d.Name.Value != "deprecated") continue;
            foreach (var arg in d.Arguments)
            {
                if (arg.Name.Value == "reason") return arg.Value is StringValueNode s ? s.Value : null;
            }
            return DirectiveDefinition.DefaultDeprecationReason;
        }
        return null;
    }

    private static ValueNode? GetDirectiveArgument(IReadOnlyList<DirectiveNode> directives, string directive, string argument)
    {
        foreach (var d in directives)
        {
            if (d.Name.Value != directive) continue;
            foreach (var arg in d.Arguments)
            {
                if (arg.Name.Value == argument) return arg.Value;
            }
        }
        return null;
    }
}

using SefData.GraphQL.Language;
using SefData.GraphQL.Types;

namespace SefData.GraphQL.Utilities;

/// <summary>
/// graphql-js TypeInfo: tracks the schema types in scope while a walker visits a document. Call
/// <see cref="Enter"/> before visiting a node's children and <see cref="Leave"/> after; any walker can drive it.
/// Getters return null where graphql-js returns undefined.
/// </summary>
public sealed class TypeInfo
{
    private readonly Schema _schema;
    private readonly List<GraphQLType?> _typeStack = [];
    private readonly List<GraphQLType?> _parentTypeStack = [];
    private readonly List<GraphQLType?> _inputTypeStack = [];
    private readonly List<FieldDefinition?> _fieldDefStack = [];
    private readonly List<(bool Has, object? Value)> _defaultValueStack = [];

    /// <param name="initialType">Starts a traversal somewhere other than a document (rare).</param>
    public TypeInfo(Schema schema, GraphQLType? initialType = null)
    {
        _schema = schema;
        if (initialType is null) return;
        if (initialType.IsInputType()) _inputTypeStack.Add(initialType);
        if (initialType.IsCompositeType()) _parentTypeStack.Add(initialType);
        if (initialType.IsOutputType()) _typeStack.Add(initialType);
    }

    public Schema Schema => _schema;

    /// <summary>The output type of the current field/operation/fragment.</summary>
    public GraphQLType? Type => Top(_typeStack);

    /// <summary>The composite type whose selection set is being visited.</summary>
    public NamedType? ParentType => (NamedType?)Top(_parentTypeStack);

    public GraphQLType? InputType => Top(_inputTypeStack);

    public GraphQLType? ParentInputType => _inputTypeStack.Count > 1 ? _inputTypeStack[^2] : null;

    public FieldDefinition? FieldDefinition => Top(_fieldDefStack);

    /// <summary>The default of the current argument or input field (see <see cref="HasDefaultValue"/>).</summary>
    public object? DefaultValue => _defaultValueStack.Count > 0 ? _defaultValueStack[^1].Value : null;

    /// <summary>False where graphql-js's getDefaultValue() is undefined.</summary>
    public bool HasDefaultValue => _defaultValueStack.Count > 0 && _defaultValueStack[^1].Has;

    public DirectiveDefinition? Directive { get; private set; }
    public ArgumentDefinition? Argument { get; private set; }
    public EnumValueDefinition? EnumValue { get; private set; }

    private static T? Top<T>(List<T?> stack) where T : class => stack.Count > 0 ? stack[^1] : null;

    public void Enter(SyntaxNode node)
    {
        switch (node)
        {
            case SelectionSetNode:
            {
                var named = Type?.GetNamedType();
                _parentTypeStack.Add(named is not null && named.IsCompositeType() ? named : null);
                break;
            }
            case FieldNode field:
            {
                FieldDefinition? fieldDef = null;
                if (ParentType is { } parentType) fieldDef = GetFieldDefinition(_schema, parentType, field.Name.Value);
                _fieldDefStack.Add(fieldDef);
                var fieldType = fieldDef?.Type;
                _typeStack.Add(fieldType is not null && fieldType.IsOutputType() ? fieldType : null);
                break;
            }
            case DirectiveNode directive:
                Directive = _schema.GetDirective(directive.Name.Value);
                break;
            case OperationDefinitionNode operation:
                _typeStack.Add(_schema.GetRootType(operation.Operation));
                break;
            case InlineFragmentNode inline:
                PushFragmentType(inline.TypeCondition);
                break;
            case FragmentDefinitionNode fragment:
                PushFragmentType(fragment.TypeCondition);
                break;
            case VariableDefinitionNode variable:
            {
                var inputType = TypeFromAst.Convert(_schema, variable.Type);
                _inputTypeStack.Add(inputType is not null && inputType.IsInputType() ? inputType : null);
                break;
            }
            case ArgumentNode argument:
            {
                ArgumentDefinition? argDef = null;
                if (Directive is { } d) argDef = d.GetArgument(argument.Name.Value);
                else if (FieldDefinition is { } f) argDef = f.GetArgument(argument.Name.Value);
                Argument = argDef;
                _defaultValueStack.Add(argDef is { HasDefaultValue: true } ? (true, argDef.DefaultValue) : (false, null));
                var argType = argDef?.Type;
                _inputTypeStack.Add(argType is not null && argType.IsInputType() ? argType : null);
                break;
            }
            case ListValueNode:
            {
                var listType = InputType?.GetNullableType();
                var itemType = listType is ListType l ? l.OfType : listType;
                // List positions never have a default value.
                _defaultValueStack.Add((false, null));
                _inputTypeStack.Add(itemType is not null && itemType.IsInputType() ? itemType : null);
                break;
            }
            case ObjectFieldNode objectField:
            {
                InputFieldDefinition? inputField = null;
                if (InputType?.GetNamedType() is InputObjectType objectType) inputField = objectType.GetField(objectField.Name.Value);
                _defaultValueStack.Add(inputField is { HasDefaultValue: true } ? (true, inputField.DefaultValue) : (false, null));
                var fieldType = inputField?.Type;
                _inputTypeStack.Add(fieldType is not null && fieldType.IsInputType() ? fieldType : null);
                break;
            }
            case EnumValueNode enumValue:
                EnumValue = InputType?.GetNamedType() is EnumType enumType ? enumType.GetValue(enumValue.Value) : null;
                break;
        }
    }

    public void Leave(SyntaxNode node)
    {
        switch (node)
        {
            case SelectionSetNode:
                Pop(_parentTypeStack);
                break;
            case FieldNode:
                Pop(_fieldDefStack);
                Pop(_typeStack);
                break;
            case DirectiveNode:
                Directive = null;
                break;
            case OperationDefinitionNode or InlineFragmentNode or FragmentDefinitionNode:
                Pop(_typeStack);
                break;
            case VariableDefinitionNode:
                Pop(_inputTypeStack);
                break;
            case ArgumentNode:
                Argument = null;
                Pop(_defaultValueStack);
                Pop(_inputTypeStack);
                break;
            case ListValueNode or ObjectFieldNode:
                Pop(_defaultValueStack);
                Pop(_inputTypeStack);
                break;
            case EnumValueNode:
                EnumValue = null;
                break;
        }
    }

    private void PushFragmentType(NamedTypeNode? typeCondition)
    {
        var outputType = typeCondition is not null ? TypeFromAst.Convert(_schema, typeCondition) : Type?.GetNamedType();
        _typeStack.Add(outputType is not null && outputType.IsOutputType() ? outputType : null);
    }

    private static void Pop<T>(List<T> stack)
    {
        if (stack.Count > 0) stack.RemoveAt(stack.Count - 1);
    }

    /// <summary>
    /// A field of a composite type, including the meta fields (__schema and __type on the query root, __typename
    /// everywhere). Unlike the executor, this also answers for interfaces and unions (only __typename on unions).
    /// </summary>
    public static FieldDefinition? GetFieldDefinition(Schema schema, NamedType parentType, string fieldName)
    {
        if (fieldName == "__schema" && ReferenceEquals(schema.QueryType, parentType)) return Introspection.SchemaMetaField;
        if (fieldName == "__type" && ReferenceEquals(schema.QueryType, parentType)) return Introspection.TypeMetaField;
        if (fieldName == "__typename" && parentType.IsCompositeType()) return Introspection.TypeNameMetaField;
        return parentType is ComplexType complex ? complex.GetField(fieldName) : null;
    }
}

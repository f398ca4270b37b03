namespace SefData.GraphQL.Language;

/// <summary>Node kinds, named as graphql-js names them so printed ASTs can be compared with it.</summary>
public enum SyntaxKind
{
    Name, Document, OperationDefinition, VariableDefinition, SelectionSet, Field, Argument,
    FragmentSpread, InlineFragment, FragmentDefinition, Variable,
    IntValue, FloatValue, StringValue, BooleanValue, NullValue, EnumValue, ListValue, ObjectValue, ObjectField,
    Directive, NamedType, ListType, NonNullType,
    SchemaDefinition, OperationTypeDefinition, ScalarTypeDefinition, ObjectTypeDefinition, FieldDefinition,
    InputValueDefinition, InterfaceTypeDefinition, UnionTypeDefinition, EnumTypeDefinition, EnumValueDefinition,
    InputObjectTypeDefinition, DirectiveDefinition,
    SchemaExtension, ScalarTypeExtension, ObjectTypeExtension, InterfaceTypeExtension, UnionTypeExtension,
    EnumTypeExtension, InputObjectTypeExtension,
}

public enum OperationType { Query, Mutation, Subscription }

/// <summary>Half-open character range [Start, End) into <see cref="Source"/>.</summary>
public readonly record struct Location(int Start, int End, Source Source)
{
    public SourceLocation StartLocation => Source.GetLocation(Start);
}

/// <summary>1-based line and column, as GraphQL error locations are reported.</summary>
public readonly record struct SourceLocation(int Line, int Column);

/// <summary>The text of a document, with a lazily built line index for turning offsets into line/column.</summary>
public sealed class Source
{
    // Offsets of each line terminator match (\r\n counts once) and of the character after it.
    private LineIndex? _lines;

    public Source(string body, string name = "GraphQL request")
    {
        Body = body;
        Name = name;
    }

    public string Body { get; }
    public string Name { get; }

    /// <summary>
    /// The 1-based line and column of an offset, computed as graphql-js getLocation does: a line terminator counts
    /// once it starts before <paramref name="position"/>.
    /// </summary>
    public SourceLocation GetLocation(int position)
    {
        var lines = _lines ??= ComputeLineIndex(Body);
        var terminators = lines.TerminatorStarts;
        // Number of terminators whose match starts before position.
        var index = Array.BinarySearch(terminators, position);
        var count = index >= 0 ? index : ~index;
        var lastLineStart = count == 0 ? 0 : lines.LineStarts[count - 1];
        return new SourceLocation(count + 1, position + 1 - lastLineStart);
    }

    // Line terminators per spec 2.1.3: \n, \r\n, \r.
    private sealed record LineIndex(int[] TerminatorStarts, int[] LineStarts);

    private static LineIndex ComputeLineIndex(string body)
    {
        var terminators = new List<int>();
        var starts = new List<int>();
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c == '\r')
            {
                terminators.Add(i);
                if (i + 1 < body.Length && body[i + 1] == '\n') i++;
                starts.Add(i + 1);
            }
            else if (c == '\n')
            {
                terminators.Add(i);
                starts.Add(i + 1);
            }
        }
        return new LineIndex(terminators.ToArray(), starts.ToArray());
    }
}

public abstract class SyntaxNode
{
    public abstract SyntaxKind Kind { get; }
    public Location? Location { get; init; }

    /// <summary>The node as graphql-js <c>print()</c> would print it.</summary>
    public override string ToString() => Printer.Print(this);
}

public sealed class NameNode : SyntaxNode
{
    public NameNode(string value) => Value = value;
    public override SyntaxKind Kind => SyntaxKind.Name;
    public string Value { get; }
    public override string ToString() => Value;
}

public sealed class DocumentNode : SyntaxNode
{
    public override SyntaxKind Kind => SyntaxKind.Document;
    public required IReadOnlyList<DefinitionNode> Definitions { get; init; }
    /// <summary>Number of lexical tokens in the document (for the token limit); 0 when not parsed from text.</summary>
    public int TokenCount { get; init; }
}

public abstract class DefinitionNode : SyntaxNode;

public abstract class ExecutableDefinitionNode : DefinitionNode
{
    public NameNode? Name { get; init; }
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
    public required SelectionSetNode SelectionSet { get; init; }
}

public sealed class OperationDefinitionNode : ExecutableDefinitionNode
{
    public override SyntaxKind Kind => SyntaxKind.OperationDefinition;
    public required OperationType Operation { get; init; }
    public IReadOnlyList<VariableDefinitionNode> VariableDefinitions { get; init; } = [];
}

public sealed class VariableDefinitionNode : SyntaxNode
{
    public override SyntaxKind Kind => SyntaxKind.VariableDefinition;
    public required VariableNode Variable { get; init; }
    public required TypeNode Type { get; init; }
    public ValueNode? DefaultValue { get; init; }
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}

public sealed class SelectionSetNode : SyntaxNode
{
    public override SyntaxKind Kind => SyntaxKind.SelectionSet;
    public required IReadOnlyList<SelectionNode> Selections { get; init; }
}

public abstract class SelectionNode : SyntaxNode
{
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}

public sealed class FieldNode : SelectionNode
{
    public override SyntaxKind Kind => SyntaxKind.Field;
    public NameNode? Alias { get; init; }
    public required NameNode Name { get; init; }
    public IReadOnlyList<ArgumentNode> Arguments { get; init; } = [];
    public SelectionSetNode? SelectionSet { get; init; }
    /// <summary>The response key: the alias when present, else the field name.</summary>
    public string ResponseKey => Alias?.Value ?? Name.Value;
}

public sealed class ArgumentNode : SyntaxNode
{
    public override SyntaxKind Kind => SyntaxKind.Argument;
    public required NameNode Name { get; init; }
    public required ValueNode Value { get; init; }
}

public sealed class FragmentSpreadNode : SelectionNode
{
    public override SyntaxKind Kind => SyntaxKind.FragmentSpread;
    public required NameNode Name { get; init; }
}

public sealed class InlineFragmentNode : SelectionNode
{
    public override SyntaxKind Kind => SyntaxKind.InlineFragment;
    public NamedTypeNode? TypeCondition { get; init; }
    public required SelectionSetNode SelectionSet { get; init; }
}

public sealed class FragmentDefinitionNode : ExecutableDefinitionNode
{
    public override SyntaxKind Kind => SyntaxKind.FragmentDefinition;
    public required NamedTypeNode TypeCondition { get; init; }
    /// <summary>Legacy "fragment variables" are not supported (graphql-js: experimental, off by default).</summary>
    public new required NameNode Name { get => base.Name!; init => base.Name = value; }
}

// ---- Values -------------------------------------------------------------------------------------------------

public abstract class ValueNode : SyntaxNode;

public sealed class VariableNode : ValueNode
{
    public override SyntaxKind Kind => SyntaxKind.Variable;
    public required NameNode Name { get; init; }
}

public sealed class IntValueNode : ValueNode
{
    public override SyntaxKind Kind => SyntaxKind.IntValue;
    /// <summary>The literal text, as written (graphql-js keeps it as a string too).</summary>
    public required string Value { get; init; }
}

public sealed class FloatValueNode : ValueNode
{
    public override SyntaxKind Kind => SyntaxKind.FloatValue;
    public required string Value { get; init; }
}

public sealed class StringValueNode : ValueNode
{
    public override SyntaxKind Kind => SyntaxKind.StringValue;
    /// <summary>The cooked value (escapes resolved, block-string indentation removed).</summary>
    public required string Value { get; init; }
    public bool Block { get; init; }
}

public sealed class BooleanValueNode : ValueNode
{
    public override SyntaxKind Kind => SyntaxKind.BooleanValue;
    public required bool Value { get; init; }
}

public sealed class NullValueNode : ValueNode
{
    public override SyntaxKind Kind => SyntaxKind.NullValue;
}

public sealed class EnumValueNode : ValueNode
{
    public override SyntaxKind Kind => SyntaxKind.EnumValue;
    public required string Value { get; init; }
}

public sealed class ListValueNode : ValueNode
{
    public override SyntaxKind Kind => SyntaxKind.ListValue;
    public required IReadOnlyList<ValueNode> Values { get; init; }
}

public sealed class ObjectValueNode : ValueNode
{
    public override SyntaxKind Kind => SyntaxKind.ObjectValue;
    public required IReadOnlyList<ObjectFieldNode> Fields { get; init; }
}

public sealed class ObjectFieldNode : SyntaxNode
{
    public override SyntaxKind Kind => SyntaxKind.ObjectField;
    public required NameNode Name { get; init; }
    public required ValueNode Value { get; init; }
}

// ---- Directives and type references -------------------------------------------------------------------------

public sealed class DirectiveNode : SyntaxNode
{
    public override SyntaxKind Kind => SyntaxKind.Directive;
    public required NameNode Name { get; init; }
    public IReadOnlyList<ArgumentNode> Arguments { get; init; } = [];
}

public abstract class TypeNode : SyntaxNode;

public sealed class NamedTypeNode : TypeNode
{
    public override SyntaxKind Kind => SyntaxKind.NamedType;
    public required NameNode Name { get; init; }
}

public sealed class ListTypeNode : TypeNode
{
    public override SyntaxKind Kind => SyntaxKind.ListType;
    public required TypeNode Type { get; init; }
}

public sealed class NonNullTypeNode : TypeNode
{
    public override SyntaxKind Kind => SyntaxKind.NonNullType;
    /// <summary>A <see cref="NamedTypeNode"/> or <see cref="ListTypeNode"/>.</summary>
    public required TypeNode Type { get; init; }
}

// ---- Type system definitions --------------------------------------------------------------------------------

public abstract class TypeSystemDefinitionNode : DefinitionNode
{
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}

public sealed class SchemaDefinitionNode : TypeSystemDefinitionNode
{
    public override SyntaxKind Kind => SyntaxKind.SchemaDefinition;
    public StringValueNode? Description { get; init; }
    public required IReadOnlyList<OperationTypeDefinitionNode> OperationTypes { get; init; }
}

public sealed class OperationTypeDefinitionNode : SyntaxNode
{
    public override SyntaxKind Kind => SyntaxKind.OperationTypeDefinition;
    public required OperationType Operation { get; init; }
    public required NamedTypeNode Type { get; init; }
}

/// <summary>Type definitions and type extensions share a name and directives.</summary>
public abstract class TypeDefinitionNode : TypeSystemDefinitionNode
{
    public required NameNode Name { get; init; }
    /// <summary>Always null on extensions.</summary>
    public StringValueNode? Description { get; init; }
    public virtual bool IsExtension => false;
}

public sealed class ScalarTypeDefinitionNode : TypeDefinitionNode
{
    public override SyntaxKind Kind => SyntaxKind.ScalarTypeDefinition;
}

public sealed class ObjectTypeDefinitionNode : TypeDefinitionNode
{
    public override SyntaxKind Kind => SyntaxKind.ObjectTypeDefinition;
    public IReadOnlyList<NamedTypeNode> Interfaces { get; init; } = [];
    public IReadOnlyList<FieldDefinitionNode> Fields { get; init; } = [];
}

public sealed class FieldDefinitionNode : SyntaxNode
{
    public override SyntaxKind Kind => SyntaxKind.FieldDefinition;
    public StringValueNode? Description { get; init; }
    public required NameNode Name { get; init; }
    public IReadOnlyList<InputValueDefinitionNode> Arguments { get; init; } = [];
    public required TypeNode Type { get; init; }
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}

public sealed class InputValueDefinitionNode : SyntaxNode
{
    public override SyntaxKind Kind => SyntaxKind.InputValueDefinition;
    public StringValueNode? Description { get; init; }
    public required NameNode Name { get; init; }
    public required TypeNode Type { get; init; }
    public ValueNode? DefaultValue { get; init; }
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}

public sealed class InterfaceTypeDefinitionNode : TypeDefinitionNode
{
    public override SyntaxKind Kind => SyntaxKind.InterfaceTypeDefinition;
    public IReadOnlyList<NamedTypeNode> Interfaces { get; init; } = [];
    public IReadOnlyList<FieldDefinitionNode> Fields { get; init; } = [];
}

public sealed class UnionTypeDefinitionNode : TypeDefinitionNode
{
    public override SyntaxKind Kind => SyntaxKind.UnionTypeDefinition;
    public IReadOnlyList<NamedTypeNode> Types { get; init; } = [];
}

public sealed class EnumTypeDefinitionNode : TypeDefinitionNode
{
    public override SyntaxKind Kind => SyntaxKind.EnumTypeDefinition;
    public IReadOnlyList<EnumValueDefinitionNode> Values { get; init; } = [];
}

public sealed class EnumValueDefinitionNode : SyntaxNode
{
    public override SyntaxKind Kind => SyntaxKind.EnumValueDefinition;
    public StringValueNode? Description { get; init; }
    public required NameNode Name { get; init; }
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}

public sealed class InputObjectTypeDefinitionNode : TypeDefinitionNode
{
    public override SyntaxKind Kind => SyntaxKind.InputObjectTypeDefinition;
    public IReadOnlyList<InputValueDefinitionNode> Fields { get; init; } = [];
}

public sealed class DirectiveDefinitionNode : TypeSystemDefinitionNode
{
    public override SyntaxKind Kind => SyntaxKind.DirectiveDefinition;
    public StringValueNode? Description { get; init; }
    public required NameNode Name { get; init; }
    public IReadOnlyList<InputValueDefinitionNode> Arguments { get; init; } = [];
    public bool Repeatable { get; init; }
    /// <summary>Location names as written, e.g. "FIELD", "OBJECT".</summary>
    public required IReadOnlyList<NameNode> Locations { get; init; }
}

// ---- Type system extensions ---------------------------------------------------------------------------------

public sealed class SchemaExtensionNode : TypeSystemDefinitionNode
{
    public override SyntaxKind Kind => SyntaxKind.SchemaExtension;
    public IReadOnlyList<OperationTypeDefinitionNode> OperationTypes { get; init; } = [];
}

public sealed class ScalarTypeExtensionNode : TypeDefinitionNode
{
    public override SyntaxKind Kind => SyntaxKind.ScalarTypeExtension;
    public override bool IsExtension => true;
}

public sealed class ObjectTypeExtensionNode : TypeDefinitionNode
{
    public override SyntaxKind Kind => SyntaxKind.ObjectTypeExtension;
    public override bool IsExtension => true;
    public IReadOnlyList<NamedTypeNode> Interfaces { get; init; } = [];
    public IReadOnlyList<FieldDefinitionNode> Fields { get; init; } = [];
}

public sealed class InterfaceTypeExtensionNode : TypeDefinitionNode
{
    public override SyntaxKind Kind => SyntaxKind.InterfaceTypeExtension;
    public override bool IsExtension => true;
    public IReadOnlyList<NamedTypeNode> Interfaces { get; init; } = [];
    public IReadOnlyList<FieldDefinitionNode> Fields { get; init; } = [];
}

public sealed class UnionTypeExtensionNode : TypeDefinitionNode
{
    public override SyntaxKind Kind => SyntaxKind.UnionTypeExtension;
    public override bool IsExtension => true;
    public IReadOnlyList<NamedTypeNode> Types { get; init; } = [];
}

public sealed class EnumTypeExtensionNode : TypeDefinitionNode
{
    public override SyntaxKind Kind => SyntaxKind.EnumTypeExtension;
    public override bool IsExtension => true;
    public IReadOnlyList<EnumValueDefinitionNode> Values { get; init; } = [];
}

public sealed class InputObjectTypeExtensionNode : TypeDefinitionNode
{
    public override SyntaxKind Kind => SyntaxKind.InputObjectTypeExtension;
    public override bool IsExtension => true;
    public IReadOnlyList<InputValueDefinitionNode> Fields { get; init; } = [];
}

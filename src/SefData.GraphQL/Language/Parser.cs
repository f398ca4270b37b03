using System.Runtime.CompilerServices;

namespace SefData.GraphQL.Language;

/// <summary>Options for <see cref="Parser"/>, as graphql-js's ParseOptions.</summary>
public sealed class ParseOptions
{
    public static readonly ParseOptions Default = new();

    /// <summary>Leave <see cref="SyntaxNode.Location"/> unset on every node (graphql-js <c>noLocation</c>).</summary>
    public bool NoLocation { get; init; }

    /// <summary>
    /// Abort with a syntax error once the document has more than this many tokens (graphql-js <c>maxTokens</c>);
    /// null for no limit. Comments and the end of file are not counted.
    /// </summary>
    public int? MaxTokens { get; init; }
}

/// <summary>
/// A recursive-descent parser for GraphQL documents (spec 2, executable and type-system grammar) that builds the
/// same tree, and fails with the same messages at the same places, as graphql-js 16.11's parser.
/// </summary>
/// <remarks>
/// Allocation notes: lists are gathered on a reused per-thread stack and copied once into an exact-size array;
/// names go through <see cref="NameCache"/>; keywords are compared as spans of the source.
/// </remarks>
public sealed class Parser
{
    private readonly Lexer _lexer;
    private readonly Source _source;
    private readonly bool _noLocation;
    private readonly int _maxTokens;
    private readonly string _body;
    private int _tokenCount;
    private int _depth; // recursion depth of values, selection sets and types

    // Scratch stack for building child lists; borrowed from the thread for the duration of one parse.
    [ThreadStatic] private static SyntaxNode[]? t_scratch;
    private SyntaxNode[] _scratch;
    private int _top;

    private Parser(Source source, ParseOptions? options)
    {
        options ??= ParseOptions.Default;
        _source = source;
        _body = source.Body;
        _lexer = new Lexer(source);
        _noLocation = options.NoLocation;
        _maxTokens = options.MaxTokens ?? int.MaxValue;
        _scratch = t_scratch ?? new SyntaxNode[64];
        t_scratch = null;
    }

    // ---- Entry points ---------------------------------------------------------------------------------------------

    /// <summary>Parses a document (graphql-js <c>parse</c>). Throws <see cref="GraphQLError"/> on a syntax error.</summary>
    public static DocumentNode Parse(string source, ParseOptions? options = null) => Parse(new Source(source), options);

    public static DocumentNode Parse(Source source, ParseOptions? options = null)
    {
        var parser = new Parser(source, options);
        try
        {
            return parser.ParseDocument();
        }
        finally
        {
            parser.ReturnScratch();
        }
    }

    /// <summary>Parses one value, variables allowed (graphql-js <c>parseValue</c>).</summary>
    public static ValueNode ParseValue(string source, ParseOptions? options = null) => ParseValue(new Source(source), options);

    public static ValueNode ParseValue(Source source, ParseOptions? options = null) =>
        ParseWhole(source, options, static p => p.ParseValueLiteral(isConst: false));

    /// <summary>Parses one constant value (graphql-js <c>parseConstValue</c>).</summary>
    public static ValueNode ParseConstValue(string source, ParseOptions? options = null) =>
        ParseConstValue(new Source(source), options);

    public static ValueNode ParseConstValue(Source source, ParseOptions? options = null) =>
        ParseWhole(source, options, static p => p.ParseValueLiteral(isConst: true));

    /// <summary>Parses one type reference such as <c>[String!]!</c> (graphql-js <c>parseType</c>).</summary>
    public static TypeNode ParseType(string source, ParseOptions? options = null) => ParseType(new Source(source), options);

    public static TypeNode ParseType(Source source, ParseOptions? options = null) =>
        ParseWhole(source, options, static p => p.ParseTypeReference());

    private static T ParseWhole<T>(Source source, ParseOptions? options, Func<Parser, T> parse)
    {
        var parser = new Parser(source, options);
        try
        {
            parser.ExpectToken(TokenKind.StartOfFile);
            var result = parse(parser);
            parser.ExpectToken(TokenKind.EndOfFile);
            return result;
        }
        finally
        {
            parser.ReturnScratch();
        }
    }

    private void ReturnScratch()
    {
        Array.Clear(_scratch, 0, _scratch.Length);
        if (_scratch.Length <= 4096) t_scratch = _scratch;
    }

    // ---- Document -------------------------------------------------------------------------------------------------

    private DocumentNode ParseDocument()
    {
        var start = _lexer.Current;
        ExpectToken(TokenKind.StartOfFile);
        var mark = _top;
        do
        {
            Push(ParseDefinition());
        } while (!ExpectOptionalToken(TokenKind.EndOfFile));
        var definitions = PopArray<DefinitionNode>(mark);
        return new DocumentNode { Definitions = definitions, TokenCount = _tokenCount, Location = Loc(start) };
    }

    private DefinitionNode ParseDefinition()
    {
        if (Peek(TokenKind.BraceL)) return ParseOperationDefinition();

        // Many definitions begin with a description and need one token of lookahead.
        var hasDescription = PeekDescription();
        var keywordToken = hasDescription ? _lexer.Lookahead() : _lexer.Token;
        if (keywordToken.Kind == TokenKind.Name)
        {
            switch (_lexer.GetSpan(keywordToken))
            {
                case "schema": return ParseSchemaDefinition();
                case "scalar": return ParseScalarTypeDefinition();
                case "type": return ParseObjectTypeDefinition();
                case "interface": return ParseInterfaceTypeDefinition();
                case "union": return ParseUnionTypeDefinition();
                case "enum": return ParseEnumTypeDefinition();
                case "input": return ParseInputObjectTypeDefinition();
                case "directive": return ParseDirectiveDefinition();
            }
            if (hasDescription)
            {
                throw GraphQLError.SyntaxError(_source, _lexer.Current.Start,
                    "Unexpected description, descriptions are supported only on type definitions.");
            }
            switch (_lexer.GetSpan(keywordToken))
            {
                case "query":
                case "mutation":
                case "subscription":
                    return ParseOperationDefinition();
                case "fragment":
                    return ParseFragmentDefinition();
                case "extend":
                    return ParseTypeSystemExtension();
            }
        }
        throw Unexpected(keywordToken);
    }

    // ---- Operations ------------------------------------------------------------------------------------------------

    private OperationDefinitionNode ParseOperationDefinition()
    {
        var start = _lexer.Current;
        if (Peek(TokenKind.BraceL))
        {
            var shorthandSelectionSet = ParseSelectionSet();
            return new OperationDefinitionNode
            {
                Operation = OperationType.Query,
                SelectionSet = shorthandSelectionSet,
                Location = Loc(start),
            };
        }
        var operation = ParseOperationType();
        NameNode? name = null;
        if (Peek(TokenKind.Name)) name = ParseName();
        var variableDefinitions = ParseVariableDefinitions();
        var directives = ParseDirectives(isConst: false);
        var selectionSet = ParseSelectionSet();
        return new OperationDefinitionNode
        {
            Operation = operation,
            Name = name,
            VariableDefinitions = variableDefinitions,
            Directives = directives,
            SelectionSet = selectionSet,
            Location = Loc(start),
        };
    }

    private OperationType ParseOperationType()
    {
        var token = ExpectToken(TokenKind.Name);
        switch (_lexer.GetSpan(token))
        {
            case "query": return OperationType.Query;
            case "mutation": return OperationType.Mutation;
            case "subscription": return OperationType.Subscription;
        }
        throw Unexpected(token);
    }

    private VariableDefinitionNode[] ParseVariableDefinitions()
    {
        if (!ExpectOptionalToken(TokenKind.ParenL)) return [];
        var mark = _top;
        do
        {
            Push(ParseVariableDefinition());
        } while (!ExpectOptionalToken(TokenKind.ParenR));
        return PopArray<VariableDefinitionNode>(mark);
    }

    private VariableDefinitionNode ParseVariableDefinition()
    {
        var start = _lexer.Current;
        var variable = ParseVariable();
        ExpectToken(TokenKind.Colon);
        var type = ParseTypeReference();
        var defaultValue = ExpectOptionalToken(TokenKind.Equals) ? ParseValueLiteral(isConst: true) : null;
        var directives = ParseDirectives(isConst: true);
        return new VariableDefinitionNode
        {
            Variable = variable,
            Type = type,
            DefaultValue = defaultValue,
            Directives = directives,
            Location = Loc(start),
        };
    }

    private VariableNode ParseVariable()
    {
        var start = _lexer.Current;
        ExpectToken(TokenKind.Dollar);
        var name = ParseName();
        return new VariableNode { Name = name, Location = Loc(start) };
    }

    private SelectionSetNode ParseSelectionSet()
    {
        GuardDepth();
        var result = ParseSelectionSetCore();
        _depth--;
        return result;
    }

    private SelectionSetNode ParseSelectionSetCore()
    {
        var start = _lexer.Current;
        ExpectToken(TokenKind.BraceL);
        var mark = _top;
        do
        {
            Push(Peek(TokenKind.Spread) ? ParseFragment() : ParseField());
        } while (!ExpectOptionalToken(TokenKind.BraceR));
        var selections = PopArray<SelectionNode>(mark);
        return new SelectionSetNode { Selections = selections, Location = Loc(start) };
    }

    private FieldNode ParseField()
    {
        var start = _lexer.Current;
        var nameOrAlias = ParseName();
        NameNode? alias = null;
        NameNode name;
        if (ExpectOptionalToken(TokenKind.Colon))
        {
            alias = nameOrAlias;
            name = ParseName();
        }
        else
        {
            name = nameOrAlias;
        }
        var arguments = ParseArguments(isConst: false);
        var directives = ParseDirectives(isConst: false);
        var selectionSet = Peek(TokenKind.BraceL) ? ParseSelectionSet() : null;
        return new FieldNode
        {
            Alias = alias,
            Name = name,
            Arguments = arguments,
            Directives = directives,
            SelectionSet = selectionSet,
            Location = Loc(start),
        };
    }

    private ArgumentNode[] ParseArguments(bool isConst)
    {
        if (!ExpectOptionalToken(TokenKind.ParenL)) return [];
        var mark = _top;
        do
        {
            var start = _lexer.Current;
            var name = ParseName();
            ExpectToken(TokenKind.Colon);
            var value = ParseValueLiteral(isConst);
            Push(new ArgumentNode { Name = name, Value = value, Location = Loc(start) });
        } while (!ExpectOptionalToken(TokenKind.ParenR));
        return PopArray<ArgumentNode>(mark);
    }

    // ---- Fragments -------------------------------------------------------------------------------------------------

    private SelectionNode ParseFragment()
    {
        var start = _lexer.Current;
        ExpectToken(TokenKind.Spread);
        var hasTypeCondition = ExpectOptionalKeyword("on");
        if (!hasTypeCondition && Peek(TokenKind.Name))
        {
            var name = ParseFragmentName();
            var spreadDirectives = ParseDirectives(isConst: false);
            return new FragmentSpreadNode { Name = name, Directives = spreadDirectives, Location = Loc(start) };
        }
        var typeCondition = hasTypeCondition ? ParseNamedType() : null;
        var directives = ParseDirectives(isConst: false);
        var selectionSet = ParseSelectionSet();
        return new InlineFragmentNode
        {
            TypeCondition = typeCondition,
            Directives = directives,
            SelectionSet = selectionSet,
            Location = Loc(start),
        };
    }

    private FragmentDefinitionNode ParseFragmentDefinition()
    {
        var start = _lexer.Current;
        ExpectKeyword("fragment");
        var name = ParseFragmentName();
        ExpectKeyword("on");
        var typeCondition = ParseNamedType();
        var directives = ParseDirectives(isConst: false);
        var selectionSet = ParseSelectionSet();
        return new FragmentDefinitionNode
        {
            Name = name,
            TypeCondition = typeCondition,
            Directives = directives,
            SelectionSet = selectionSet,
            Location = Loc(start),
        };
    }

    private NameNode ParseFragmentName()
    {
        if (_lexer.ValueEquals(_lexer.Token, "on")) throw Unexpected(_lexer.Token);
        return ParseName();
    }

    // ---- Values ----------------------------------------------------------------------------------------------------

    private ValueNode ParseValueLiteral(bool isConst)
    {
        GuardDepth();
        var result = ParseValueLiteralCore(isConst);
        _depth--;
        return result;
    }

    private ValueNode ParseValueLiteralCore(bool isConst)
    {
        var token = _lexer.Current;
        switch (token.Kind)
        {
            case TokenKind.BracketL:
                return ParseList(isConst);
            case TokenKind.BraceL:
                return ParseObject(isConst);
            case TokenKind.Int:
                AdvanceLexer();
                return new IntValueNode { Value = Text(token), Location = Loc(token) };
            case TokenKind.Float:
                AdvanceLexer();
                return new FloatValueNode { Value = Text(token), Location = Loc(token) };
            case TokenKind.String:
            case TokenKind.BlockString:
                return ParseStringLiteral();
            case TokenKind.Name:
                AdvanceLexer();
                switch (_lexer.GetSpan(token))
                {
                    case "true": return new BooleanValueNode { Value = true, Location = Loc(token) };
                    case "false": return new BooleanValueNode { Value = false, Location = Loc(token) };
                    case "null": return new NullValueNode { Location = Loc(token) };
                    default: return new EnumValueNode { Value = Text(token), Location = Loc(token) };
                }
            case TokenKind.Dollar:
                if (isConst)
                {
                    ExpectToken(TokenKind.Dollar);
                    if (_lexer.Current.Kind == TokenKind.Name)
                    {
                        throw GraphQLError.SyntaxError(_source, token.Start,
                            "Unexpected variable \"$" + _lexer.GetText(_lexer.Token) + "\" in constant value.");
                    }
                    throw Unexpected(token);
                }
                return ParseVariable();
            default:
                throw Unexpected(_lexer.Token);
        }
    }

    private StringValueNode ParseStringLiteral()
    {
        var token = _lexer.Current;
        AdvanceLexer();
        return new StringValueNode
        {
            Value = token.Value!,
            Block = token.Kind == TokenKind.BlockString,
            Location = Loc(token),
        };
    }

    private ListValueNode ParseList(bool isConst)
    {
        var start = _lexer.Current;
        ExpectToken(TokenKind.BracketL);
        var mark = _top;
        while (!ExpectOptionalToken(TokenKind.BracketR)) Push(ParseValueLiteral(isConst));
        var values = PopArray<ValueNode>(mark);
        return new ListValueNode { Values = values, Location = Loc(start) };
    }

    private ObjectValueNode ParseObject(bool isConst)
    {
        var start = _lexer.Current;
        ExpectToken(TokenKind.BraceL);
        var mark = _top;
        while (!ExpectOptionalToken(TokenKind.BraceR))
        {
            var fieldStart = _lexer.Current;
            var name = ParseName();
            ExpectToken(TokenKind.Colon);
            var value = ParseValueLiteral(isConst);
            Push(new ObjectFieldNode { Name = name, Value = value, Location = Loc(fieldStart) });
        }
        var fields = PopArray<ObjectFieldNode>(mark);
        return new ObjectValueNode { Fields = fields, Location = Loc(start) };
    }

    // ---- Directives ------------------------------------------------------------------------------------------------

    private DirectiveNode[] ParseDirectives(bool isConst)
    {
        if (!Peek(TokenKind.At)) return [];
        var mark = _top;
        while (Peek(TokenKind.At))
        {
            var start = _lexer.Current;
            ExpectToken(TokenKind.At);
            var name = ParseName();
            var arguments = ParseArguments(isConst);
            Push(new DirectiveNode { Name = name, Arguments = arguments, Location = Loc(start) });
        }
        return PopArray<DirectiveNode>(mark);
    }

    // ---- Types -----------------------------------------------------------------------------------------------------

    private TypeNode ParseTypeReference()
    {
        GuardDepth();
        var result = ParseTypeReferenceCore();
        _depth--;
        return result;
    }

    private TypeNode ParseTypeReferenceCore()
    {
        var start = _lexer.Current;
        TypeNode type;
        if (ExpectOptionalToken(TokenKind.BracketL))
        {
            var innerType = ParseTypeReference();
            ExpectToken(TokenKind.BracketR);
            type = new ListTypeNode { Type = innerType, Location = Loc(start) };
        }
        else
        {
            type = ParseNamedType();
        }
        if (ExpectOptionalToken(TokenKind.Bang)) return new NonNullTypeNode { Type = type, Location = Loc(start) };
        return type;
    }

    private NamedTypeNode ParseNamedType()
    {
        var start = _lexer.Current;
        var name = ParseName();
        return new NamedTypeNode { Name = name, Location = Loc(start) };
    }

    // ---- Type system definitions -----------------------------------------------------------------------------------

    private bool PeekDescription() => Peek(TokenKind.String) || Peek(TokenKind.BlockString);

    private StringValueNode? ParseDescription() => PeekDescription() ? ParseStringLiteral() : null;

    private SchemaDefinitionNode ParseSchemaDefinition()
    {
        var start = _lexer.Current;
        var description = ParseDescription();
        ExpectKeyword("schema");
        var directives = ParseDirectives(isConst: true);
        ExpectToken(TokenKind.BraceL);
        var mark = _top;
        do
        {
            Push(ParseOperationTypeDefinition());
        } while (!ExpectOptionalToken(TokenKind.BraceR));
        var operationTypes = PopArray<OperationTypeDefinitionNode>(mark);
        return new SchemaDefinitionNode
        {
            Description = description,
            Directives = directives,
            OperationTypes = operationTypes,
            Location = Loc(start),
        };
    }

    private OperationTypeDefinitionNode ParseOperationTypeDefinition()
    {
        var start = _lexer.Current;
        var operation = ParseOperationType();
        ExpectToken(TokenKind.Colon);
        var type = ParseNamedType();
        return new OperationTypeDefinitionNode { Operation = operation, Type = type, Location = Loc(start) };
    }

    private ScalarTypeDefinitionNode ParseScalarTypeDefinition()
    {
        var start = _lexer.Current;
        var description = ParseDescription();
        ExpectKeyword("scalar");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        return new ScalarTypeDefinitionNode
        {
            Description = description,
            Name = name,
            Directives = directives,
            Location = Loc(start),
        };
    }

    private ObjectTypeDefinitionNode ParseObjectTypeDefinition()
    {
        var start = _lexer.Current;
        var description = ParseDescription();
        ExpectKeyword("type");
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseFieldsDefinition();
        return new ObjectTypeDefinitionNode
        {
            Description = description,
            Name = name,
            Interfaces = interfaces,
            Directives = directives,
            Fields = fields,
            Location = Loc(start),
        };
    }

    private NamedTypeNode[] ParseImplementsInterfaces() =>
        ExpectOptionalKeyword("implements") ? ParseNamedTypesDelimitedBy(TokenKind.Amp) : [];

    private NamedTypeNode[] ParseNamedTypesDelimitedBy(TokenKind delimiter)
    {
        ExpectOptionalToken(delimiter);
        var mark = _top;
        do
        {
            Push(ParseNamedType());
        } while (ExpectOptionalToken(delimiter));
        return PopArray<NamedTypeNode>(mark);
    }

    private FieldDefinitionNode[] ParseFieldsDefinition()
    {
        if (!ExpectOptionalToken(TokenKind.BraceL)) return [];
        var mark = _top;
        do
        {
            Push(ParseFieldDefinition());
        } while (!ExpectOptionalToken(TokenKind.BraceR));
        return PopArray<FieldDefinitionNode>(mark);
    }

    private FieldDefinitionNode ParseFieldDefinition()
    {
        var start = _lexer.Current;
        var description = ParseDescription();
        var name = ParseName();
        var arguments = ParseArgumentDefs();
        ExpectToken(TokenKind.Colon);
        var type = ParseTypeReference();
        var directives = ParseDirectives(isConst: true);
        return new FieldDefinitionNode
        {
            Description = description,
            Name = name,
            Arguments = arguments,
            Type = type,
            Directives = directives,
            Location = Loc(start),
        };
    }

    private InputValueDefinitionNode[] ParseArgumentDefs() => ParseInputValueDefs(TokenKind.ParenL, TokenKind.ParenR);

    private InputValueDefinitionNode[] ParseInputValueDefs(TokenKind open, TokenKind close)
    {
        if (!ExpectOptionalToken(open)) return [];
        var mark = _top;
        do
        {
            Push(ParseInputValueDef());
        } while (!ExpectOptionalToken(close));
        return PopArray<InputValueDefinitionNode>(mark);
    }

    private InputValueDefinitionNode ParseInputValueDef()
    {
        var start = _lexer.Current;
        var description = ParseDescription();
        var name = ParseName();
        ExpectToken(TokenKind.Colon);
        var type = ParseTypeReference();
        ValueNode? defaultValue = null;
        if (ExpectOptionalToken(TokenKind.Equals)) defaultValue = ParseValueLiteral(isConst: true);
        var directives = ParseDirectives(isConst: true);
        return new InputValueDefinitionNode
        {
            Description = description,
            Name = name,
            Type = type,
            DefaultValue = defaultValue,
            Directives = directives,
            Location = Loc(start),
        };
    }

    private InterfaceTypeDefinitionNode ParseInterfaceTypeDefinition()
    {
        var start = _lexer.Current;
        var description = ParseDescription();
        ExpectKeyword("interface");
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseFieldsDefinition();
        return new InterfaceTypeDefinitionNode
        {
            Description = description,
            Name = name,
            Interfaces = interfaces,
            Directives = directives,
            Fields = fields,
            Location = Loc(start),
        };
    }

    private UnionTypeDefinitionNode ParseUnionTypeDefinition()
    {
        var start = _lexer.Current;
        var description = ParseDescription();
        ExpectKeyword("union");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var types = ParseUnionMemberTypes();
        return new UnionTypeDefinitionNode
        {
            Description = description,
            Name = name,
            Directives = directives,
            Types = types,
            Location = Loc(start),
        };
    }

    private NamedTypeNode[] ParseUnionMemberTypes() =>
        ExpectOptionalToken(TokenKind.Equals) ? ParseNamedTypesDelimitedBy(TokenKind.Pipe) : [];

    private EnumTypeDefinitionNode ParseEnumTypeDefinition()
    {
        var start = _lexer.Current;
        var description = ParseDescription();
        ExpectKeyword("enum");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var values = ParseEnumValuesDefinition();
        return new EnumTypeDefinitionNode
        {
            Description = description,
            Name = name,
            Directives = directives,
            Values = values,
            Location = Loc(start),
        };
    }

    private EnumValueDefinitionNode[] ParseEnumValuesDefinition()
    {
        if (!ExpectOptionalToken(TokenKind.BraceL)) return [];
        var mark = _top;
        do
        {
            Push(ParseEnumValueDefinition());
        } while (!ExpectOptionalToken(TokenKind.BraceR));
        return PopArray<EnumValueDefinitionNode>(mark);
    }

    private EnumValueDefinitionNode ParseEnumValueDefinition()
    {
        var start = _lexer.Current;
        var description = ParseDescription();
        var name = ParseEnumValueName();
        var directives = ParseDirectives(isConst: true);
        return new EnumValueDefinitionNode
        {
            Description = description,
            Name = name,
            Directives = directives,
            Location = Loc(start),
        };
    }

    private NameNode ParseEnumValueName()
    {
        var token = _lexer.Current;
        if (_lexer.ValueEquals(token, "true") || _lexer.ValueEquals(token, "false") || _lexer.ValueEquals(token, "null"))
        {
            throw GraphQLError.SyntaxError(_source, token.Start,
                _lexer.Describe(token) + " is reserved and cannot be used for an enum value.");
        }
        return ParseName();
    }

    private InputObjectTypeDefinitionNode ParseInputObjectTypeDefinition()
    {
        var start = _lexer.Current;
        var description = ParseDescription();
        ExpectKeyword("input");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseInputValueDefs(TokenKind.BraceL, TokenKind.BraceR);
        return new InputObjectTypeDefinitionNode
        {
            Description = description,
            Name = name,
            Directives = directives,
            Fields = fields,
            Location = Loc(start),
        };
    }

    private DirectiveDefinitionNode ParseDirectiveDefinition()
    {
        var start = _lexer.Current;
        var description = ParseDescription();
        ExpectKeyword("directive");
        ExpectToken(TokenKind.At);
        var name = ParseName();
        var arguments = ParseArgumentDefs();
        var repeatable = ExpectOptionalKeyword("repeatable");
        ExpectKeyword("on");
        ExpectOptionalToken(TokenKind.Pipe);
        var mark = _top;
        do
        {
            Push(ParseDirectiveLocation());
        } while (ExpectOptionalToken(TokenKind.Pipe));
        var locations = PopArray<NameNode>(mark);
        return new DirectiveDefinitionNode
        {
            Description = description,
            Name = name,
            Arguments = arguments,
            Repeatable = repeatable,
            Locations = locations,
            Location = Loc(start),
        };
    }

    private NameNode ParseDirectiveLocation()
    {
        var start = _lexer.Current;
        var name = ParseName();
        if (IsDirectiveLocation(name.Value)) return name;
        throw Unexpected(start);
    }

    /// <summary>The names of graphql-js's DirectiveLocation enum (spec 3.13 DirectiveLocations).</summary>
    public static bool IsDirectiveLocation(string name) => name switch
    {
        "QUERY" or "MUTATION" or "SUBSCRIPTION" or "FIELD" or "FRAGMENT_DEFINITION" or "FRAGMENT_SPREAD"
            or "INLINE_FRAGMENT" or "VARIABLE_DEFINITION" or "SCHEMA" or "SCALAR" or "OBJECT" or "FIELD_DEFINITION"
            or "ARGUMENT_DEFINITION" or "INTERFACE" or "UNION" or "ENUM" or "ENUM_VALUE" or "INPUT_OBJECT"
            or "INPUT_FIELD_DEFINITION" => true,
        _ => false,
    };

    // ---- Type system extensions ------------------------------------------------------------------------------------

    private DefinitionNode ParseTypeSystemExtension()
    {
        var keywordToken = _lexer.Lookahead();
        if (keywordToken.Kind == TokenKind.Name)
        {
            switch (_lexer.GetSpan(keywordToken))
            {
                case "schema": return ParseSchemaExtension();
                case "scalar": return ParseScalarTypeExtension();
                case "type": return ParseObjectTypeExtension();
                case "interface": return ParseInterfaceTypeExtension();
                case "union": return ParseUnionTypeExtension();
                case "enum": return ParseEnumTypeExtension();
                case "input": return ParseInputObjectTypeExtension();
            }
        }
        throw Unexpected(keywordToken);
    }

    private SchemaExtensionNode ParseSchemaExtension()
    {
        var start = _lexer.Current;
        ExpectKeyword("extend");
        ExpectKeyword("schema");
        var directives = ParseDirectives(isConst: true);
        OperationTypeDefinitionNode[] operationTypes = [];
        if (ExpectOptionalToken(TokenKind.BraceL))
        {
            var mark = _top;
            do
            {
                Push(ParseOperationTypeDefinition());
            } while (!ExpectOptionalToken(TokenKind.BraceR));
            operationTypes = PopArray<OperationTypeDefinitionNode>(mark);
        }
        if (directives.Length == 0 && operationTypes.Length == 0) throw Unexpected(_lexer.Token);
        return new SchemaExtensionNode { Directives = directives, OperationTypes = operationTypes, Location = Loc(start) };
    }

    private ScalarTypeExtensionNode ParseScalarTypeExtension()
    {
        var start = _lexer.Current;
        ExpectKeyword("extend");
        ExpectKeyword("scalar");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        if (directives.Length == 0) throw Unexpected(_lexer.Token);
        return new ScalarTypeExtensionNode { Name = name, Directives = directives, Location = Loc(start) };
    }

    private ObjectTypeExtensionNode ParseObjectTypeExtension()
    {
        var start = _lexer.Current;
        ExpectKeyword("extend");
        ExpectKeyword("type");
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseFieldsDefinition();
        if (interfaces.Length == 0 && directives.Length == 0 && fields.Length == 0) throw Unexpected(_lexer.Token);
        return new ObjectTypeExtensionNode
        {
            Name = name,
            Interfaces = interfaces,
            Directives = directives,
            Fields = fields,
            Location = Loc(start),
        };
    }

    private InterfaceTypeExtensionNode ParseInterfaceTypeExtension()
    {
        var start = _lexer.Current;
        ExpectKeyword("extend");
        ExpectKeyword("interface");
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseFieldsDefinition();
        if (interfaces.Length == 0 && directives.Length == 0 && fields.Length == 0) throw Unexpected(_lexer.Token);
        return new InterfaceTypeExtensionNode
        {
            Name = name,
            Interfaces = interfaces,
            Directives = directives,
            Fields = fields,
            Location = Loc(start),
        };
    }

    private UnionTypeExtensionNode ParseUnionTypeExtension()
    {
        var start = _lexer.Current;
        ExpectKeyword("extend");
        ExpectKeyword("union");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var types = ParseUnionMemberTypes();
        if (directives.Length == 0 && types.Length == 0) throw Unexpected(_lexer.Token);
        return new UnionTypeExtensionNode { Name = name, Directives = directives, Types = types, Location = Loc(start) };
    }

    private EnumTypeExtensionNode ParseEnumTypeExtension()
    {
        var start = _lexer.Current;
        ExpectKeyword("extend");
        ExpectKeyword("enum");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var values = ParseEnumValuesDefinition();
        if (directives.Length == 0 && values.Length == 0) throw Unexpected(_lexer.Token);
        return new EnumTypeExtensionNode { Name = name, Directives = directives, Values = values, Location = Loc(start) };
    }

    private InputObjectTypeExtensionNode ParseInputObjectTypeExtension()
    {
        var start = _lexer.Current;
        ExpectKeyword("extend");
        ExpectKeyword("input");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseInputValueDefs(TokenKind.BraceL, TokenKind.BraceR);
        if (directives.Length == 0 && fields.Length == 0) throw Unexpected(_lexer.Token);
        return new InputObjectTypeExtensionNode { Name = name, Directives = directives, Fields = fields, Location = Loc(start) };
    }

    // ---- Utilities -------------------------------------------------------------------------------------------------

    /// <summary>
    /// Deeply nested input (e.g. 100 000 nested lists) would overflow the stack, which .NET cannot catch; fail it as a
    /// syntax error instead. graphql-js has no such message: it throws a RangeError there.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void GuardDepth()
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
            throw GraphQLError.SyntaxError(_source, _lexer.Current.Start, "Document is nested too deeply.");
    }

    private NameNode ParseName()
    {
        var token = ExpectToken(TokenKind.Name);
        return new NameNode(NameCache.Get(_body, token.Start, token.End - token.Start)) { Location = Loc(token) };
    }

    private string Text(in Token token) => NameCache.Get(_body, token.Start, token.End - token.Start);

    /// <summary>A node spans from its first token to the last token consumed (graphql-js <c>node()</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Location? Loc(in Token start) =>
        _noLocation ? null : new Location(start.Start, _lexer.Previous.End, _source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Peek(TokenKind kind) => _lexer.Current.Kind == kind;

    private Token ExpectToken(TokenKind kind)
    {
        var token = _lexer.Current;
        if (token.Kind == kind)
        {
            AdvanceLexer();
            return token;
        }
        throw GraphQLError.SyntaxError(_source, token.Start,
            "Expected " + Token.KindDescription(kind) + ", found " + _lexer.Describe(token) + ".");
    }

    private bool ExpectOptionalToken(TokenKind kind)
    {
        if (_lexer.Current.Kind != kind) return false;
        AdvanceLexer();
        return true;
    }

    private void ExpectKeyword(string keyword)
    {
        var token = _lexer.Current;
        if (!_lexer.IsKeyword(token, keyword))
        {
            throw GraphQLError.SyntaxError(_source, token.Start,
                "Expected \"" + keyword + "\", found " + _lexer.Describe(token) + ".");
        }
        AdvanceLexer();
    }

    private bool ExpectOptionalKeyword(string keyword)
    {
        if (!_lexer.IsKeyword(_lexer.Token, keyword)) return false;
        AdvanceLexer();
        return true;
    }

    private GraphQLError Unexpected(in Token token) =>
        GraphQLError.SyntaxError(_source, token.Start, "Unexpected " + _lexer.Describe(token) + ".");

    private void AdvanceLexer()
    {
        var token = _lexer.Advance();
        if (token.Kind == TokenKind.EndOfFile) return;
        if (++_tokenCount > _maxTokens)
        {
            throw GraphQLError.SyntaxError(_source, token.Start,
                "Document contains more that " + _maxTokens + " tokens. Parsing aborted.");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Push(SyntaxNode node)
    {
        if (_top == _scratch.Length) Array.Resize(ref _scratch, _scratch.Length * 2);
        _scratch[_top++] = node;
    }

    private T[] PopArray<T>(int mark) where T : SyntaxNode
    {
        var count = _top - mark;
        if (count == 0) return [];
        var result = new T[count];
        // Every node pushed between mark and top was parsed as a T, so the checked cast is redundant.
        for (var i = 0; i < count; i++) result[i] = Unsafe.As<T>(_scratch[mark + i]);
        _top = mark;
        return result;
    }
}

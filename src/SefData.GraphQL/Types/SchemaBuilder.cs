using System.Reflection;
using SefData.GraphQL.Language;
using SefData.GraphQL.Utilities;

namespace SefData.GraphQL.Types;

/// <summary>
/// Builds a <see cref="Schema"/> code-first, SDL-first (<see cref="AddSdl(DocumentNode)"/>), or both. Types refer to
/// each other by name and are resolved in <see cref="Build"/>, which also validates the schema (graphql-js
/// validateSchema) and throws <see cref="SchemaValidationException"/> with every error.
/// </summary>
/// <example>
/// <code>
/// var schema = new SchemaBuilder()
///     .Query(q => q.Field("school", "School", f => f.Argument("id", "ID!").Resolve(ctx => repo.Find(ctx.GetArgument&lt;string&gt;("id")))))
///     .Object&lt;School&gt;("School", t => t.Field(s => s.Name).Field("colour", "Colour", ctx => ...))
///     .Enum&lt;Colour&gt;()
///     .Build();
/// </code>
/// </example>
public sealed class SchemaBuilder
{
    private readonly List<TypeConfig> _types = [];
    private readonly Dictionary<string, TypeConfig> _typesByName = new(StringComparer.Ordinal);
    private readonly List<DirectiveConfig> _directives = [];
    private readonly List<DirectiveDefinition> _prebuiltDirectives = [];
    private readonly Dictionary<string, FieldResolver> _resolvers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FieldResolver> _subscribers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TypeResolver> _typeResolvers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IsTypeOfResolver> _isTypeOf = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, string> _clrBindings = [];
    private readonly List<GraphQLError> _buildErrors = [];
    private readonly Dictionary<OperationType, (string Name, SyntaxNode? Node)> _roots = [];
    private SchemaDefinitionNode? _schemaAst;
    private readonly List<SchemaExtensionNode> _schemaExtensions = [];
    private string? _description;

    // ---- Code-first ---------------------------------------------------------------------------------------------

    public SchemaBuilder Description(string? description) { _description = description; return this; }

    /// <summary>The query root type (named "Query" unless <paramref name="name"/> is given). Repeated calls add fields.</summary>
    public SchemaBuilder Query(Action<ObjectTypeBuilder> configure, string name = "Query") => Root(OperationType.Query, name, configure);

    public SchemaBuilder Mutation(Action<ObjectTypeBuilder> configure, string name = "Mutation") => Root(OperationType.Mutation, name, configure);

    public SchemaBuilder Subscription(Action<ObjectTypeBuilder> configure, string name = "Subscription") => Root(OperationType.Subscription, name, configure);

    private SchemaBuilder Root(OperationType operation, string name, Action<ObjectTypeBuilder> configure)
    {
        _roots[operation] = (name, null);
        return Object(name, configure);
    }

    /// <summary>Declares which existing object type is a root (like a <c>schema { }</c> definition).</summary>
    public SchemaBuilder RootType(OperationType operation, string typeName)
    {
        _roots[operation] = (typeName, null);
        return this;
    }

    /// <summary>An object type; calling again with the same name adds to it (like a type extension).</summary>
    public SchemaBuilder Object(string name, Action<ObjectTypeBuilder> configure)
    {
        configure(new ObjectTypeBuilder(GetOrAdd(name, () => new ComplexTypeConfig(name, isInterface: false))));
        return this;
    }

    /// <summary>An object type backed by CLR type <typeparamref name="T"/> (name defaults to the CLR name).</summary>
    public SchemaBuilder Object<T>(Action<ObjectTypeBuilder<T>> configure, string? name = null)
    {
        name ??= typeof(T).Name;
        var config = GetOrAdd(name, () => new ComplexTypeConfig(name, isInterface: false));
        config.ClrType = typeof(T);
        _clrBindings[typeof(T)] = name;
        configure(new ObjectTypeBuilder<T>(config));
        return this;
    }

    public SchemaBuilder Interface(string name, Action<InterfaceTypeBuilder> configure)
    {
        configure(new InterfaceTypeBuilder(GetOrAdd(name, () => new ComplexTypeConfig(name, isInterface: true))));
        return this;
    }

    public SchemaBuilder Union(string name, params string[] memberTypeNames) => Union(name, u => u.Members(memberTypeNames));

    public SchemaBuilder Union(string name, Action<UnionTypeBuilder> configure)
    {
        configure(new UnionTypeBuilder(GetOrAdd(name, () => new UnionConfig(name))));
        return this;
    }

    public SchemaBuilder Enum(string name, Action<EnumTypeBuilder> configure)
    {
        configure(new EnumTypeBuilder(GetOrAdd(name, () => new EnumConfig(name))));
        return this;
    }

    /// <summary>A CLR enum: members become UPPER_SNAKE_CASE values whose internal values are the members.</summary>
    public SchemaBuilder Enum<TEnum>(string? name = null, Action<EnumTypeBuilder>? configure = null) where TEnum : struct, Enum
    {
        name ??= typeof(TEnum).Name;
        var config = GetOrAdd(name, () => new EnumConfig(name));
        config.ClrType = typeof(TEnum);
        _clrBindings[typeof(TEnum)] = name;
        var builder = new EnumTypeBuilder(config);
        foreach (var member in System.Enum.GetValues<TEnum>())
        {
            var field = typeof(TEnum).GetField(member.ToString())!;
            var deprecated = field.GetCustomAttribute<ObsoleteAttribute>();
            var description = field.GetCustomAttribute<System.ComponentModel.DescriptionAttribute>()?.Description;
            builder.Value(EnumType.ToUpperSnakeCase(member.ToString()), member, description,
                deprecated is null ? null : deprecated.Message ?? DirectiveDefinition.DefaultDeprecationReason);
        }
        configure?.Invoke(builder);
        return this;
    }

    public SchemaBuilder InputObject(string name, Action<InputObjectTypeBuilder> configure)
    {
        configure(new InputObjectTypeBuilder(GetOrAdd(name, () => new InputObjectConfig(name))));
        return this;
    }

    /// <summary>A custom scalar implementation (replaces a same-named scalar declared in SDL).</summary>
    public SchemaBuilder Scalar(ScalarType scalar) => Type(scalar);

    /// <summary>A scalar from delegates.</summary>
    public SchemaBuilder Scalar(string name, Func<object?, object?> serialize, Func<object?, object?> parseValue,
        Func<ValueNode, IReadOnlyDictionary<string, object?>?, object?>? parseLiteral = null, string? description = null, string? specifiedByUrl = null)
        => Type(new ScalarType(name, serialize, parseValue, parseLiteral) { Description = description, SpecifiedByUrl = specifiedByUrl });

    /// <summary>A ready-made named type. A scalar replaces a same-named SDL scalar declaration.</summary>
    public SchemaBuilder Type(NamedType type)
    {
        if (_typesByName.TryGetValue(type.Name, out var existing))
        {
            if (existing is ScalarConfig or PrebuiltConfig)
            {
                var index = _types.IndexOf(existing);
                var replacement = new PrebuiltConfig(type);
                _types[index] = replacement;
                _typesByName[type.Name] = replacement;
                return this;
            }
            _buildErrors.Add(new GraphQLError($"There can be only one type named \"{type.Name}\"."));
            return this;
        }
        Add(new PrebuiltConfig(type));
        return this;
    }

    /// <summary>Maps a CLR type to a GraphQL type name for inferred fields (e.g. DateOnly → "Date").</summary>
    public SchemaBuilder BindClrType(Type clrType, string graphQLTypeName)
    {
        _clrBindings[clrType] = graphQLTypeName;
        return this;
    }

    public SchemaBuilder Directive(string name, Action<DirectiveBuilder> configure)
    {
        var config = _directives.Find(d => d.Name == name);
        if (config is null)
        {
            config = new DirectiveConfig(name);
            _directives.Add(config);
        }
        configure(new DirectiveBuilder(config));
        return this;
    }

    public SchemaBuilder Directive(DirectiveDefinition directive)
    {
        _prebuiltDirectives.Add(directive);
        return this;
    }

    // ---- Resolvers by schema coordinate -------------------------------------------------------------------------

    /// <summary>Attaches a resolver to <c>"Type.field"</c> (e.g. <c>"Query.schools"</c>).</summary>
    public SchemaBuilder Resolver(string coordinate, FieldResolver resolver)
    {
        _resolvers[coordinate] = resolver;
        return this;
    }

    public SchemaBuilder Resolve(string coordinate, Func<IResolverContext, object?> resolver)
        => Resolver(coordinate, ResolverAdapters.FromSync(resolver));

    public SchemaBuilder Resolve<T>(string coordinate, Func<IResolverContext, Task<T>> resolver)
        => Resolver(coordinate, ResolverAdapters.FromTask(resolver));

    public SchemaBuilder ResolveValueTask<T>(string coordinate, Func<IResolverContext, ValueTask<T>> resolver)
        => Resolver(coordinate, ResolverAdapters.FromValueTask(resolver));

    public SchemaBuilder Subscribe<T>(string coordinate, Func<IResolverContext, IAsyncEnumerable<T>> subscribe)
    {
        _subscribers[coordinate] = ctx => new ValueTask<object?>(subscribe(ctx));
        return this;
    }

    /// <summary>Attaches a type resolver to an interface or union.</summary>
    public SchemaBuilder ResolveType(string abstractTypeName, TypeResolver resolver)
    {
        _typeResolvers[abstractTypeName] = resolver;
        return this;
    }

    public SchemaBuilder ResolveType(string abstractTypeName, Func<object?, string?> resolver)
        => ResolveType(abstractTypeName, (value, _, _) => new ValueTask<string?>(resolver(value)));

    public SchemaBuilder IsTypeOf(string objectTypeName, Func<object?, bool> isTypeOf)
    {
        _isTypeOf[objectTypeName] = (value, _) => new ValueTask<bool>(isTypeOf(value));
        return this;
    }

    // ---- SDL ----------------------------------------------------------------------------------------------------

    /// <summary>graphql-js buildASTSchema: a schema from type definitions and extensions in one document.</summary>
    public static Schema BuildAstSchema(DocumentNode document) => new SchemaBuilder().AddSdl(document).Build();

    /// <summary>A builder holding the definitions of an SDL document; attach resolvers, then <see cref="Build"/>.</summary>
    public static SchemaBuilder FromSdl(string sdl) => new SchemaBuilder().AddSdl(sdl);

    /// <summary>graphql-js buildSchema: parses and builds (and validates) in one step.</summary>
    public static Schema BuildSchema(string sdl) => FromSdl(sdl).Build();

    public SchemaBuilder AddSdl(string sdl) => AddSdl(Parser.Parse(sdl));

    /// <summary>Adds the type-system definitions and extensions of a document (executable definitions are ignored).</summary>
    /// <remarks>
    /// The document is first checked with graphql-js's SDL rules (<see cref="SdlValidator"/>); if any fails, nothing
    /// of it is added and <see cref="Build"/> reports those errors (graphql-js buildASTSchema's assertValidSDL).
    /// </remarks>
    public SchemaBuilder AddSdl(DocumentNode document)
    {
        var errors = SdlValidator.Validate(document);
        if (errors.Count > 0)
        {
            _buildErrors.AddRange(errors);
            return this;
        }
        SdlReader.Read(this, document);
        return this;
    }

    // Used by SdlReader.
    internal void AddBuildError(GraphQLError error) => _buildErrors.Add(error);
    internal TypeConfig? FindType(string name) => _typesByName.GetValueOrDefault(name);
    internal void AddType(TypeConfig config)
    {
        if (_typesByName.ContainsKey(config.Name))
        {
            _buildErrors.Add(new GraphQLError($"There can be only one type named \"{config.Name}\".", config.AstNode is null ? null : [config.AstNode.Name]));
            return;
        }
        Add(config);
    }
    internal void AddDirectiveConfig(DirectiveConfig config) => _directives.Add(config);
    internal void SetSchemaAst(SchemaDefinitionNode node)
    {
        _schemaAst = node;
        _description = node.Description?.Value;
    }
    internal void AddSchemaExtension(SchemaExtensionNode node) => _schemaExtensions.Add(node);
    internal void SetRoot(OperationType operation, string name, SyntaxNode node) => _roots[operation] = (name, node);

    // ---- Build --------------------------------------------------------------------------------------------------

    /// <summary>Resolves every type reference, creates the schema and validates it.</summary>
    /// <exception cref="SchemaValidationException">Unknown types or any schema validation error, all of them.</exception>
    public Schema Build()
    {
        if (!TryBuild(out var schema, out var errors)) throw new SchemaValidationException(errors);
        return schema!;
    }

    /// <summary>
    /// Like <see cref="Build"/> without throwing. When only schema validation fails, <paramref name="schema"/> is still
    /// set (it is unusable for execution); when references cannot be resolved it is null.
    /// </summary>
    public bool TryBuild(out Schema? schema, out IReadOnlyList<GraphQLError> errors)
    {
        var list = new List<GraphQLError>(_buildErrors);
        schema = new BuildContext(this, list).Build();
        if (list.Count > 0)
        {
            errors = list;
            return false;
        }
        errors = schema!.Validate();
        return errors.Count == 0;
    }

    private T GetOrAdd<T>(string name, Func<T> create) where T : TypeConfig
    {
        if (_typesByName.TryGetValue(name, out var existing))
        {
            if (existing is T typed) return typed;
            throw new InvalidOperationException($"Type \"{name}\" is already defined as {existing.KindName}.");
        }
        var config = create();
        Add(config);
        return config;
    }

    private void Add(TypeConfig config)
    {
        _types.Add(config);
        _typesByName[config.Name] = config;
    }

    /// <summary>One Build: the name → type map and the reference resolution the type thunks use.</summary>
    private sealed class BuildContext(SchemaBuilder builder, List<GraphQLError> errors)
    {
        private readonly Dictionary<string, NamedType> _map = new(StringComparer.Ordinal);

        public Schema? Build()
        {
            foreach (var config in builder._types) _map[config.Name] = Create(config);
            CheckReferences();
            if (errors.Count > 0) return null;

            var directives = new List<DirectiveDefinition>();
            foreach (var d in builder._directives) directives.Add(CreateDirective(d));
            directives.AddRange(builder._prebuiltDirectives);
            foreach (var std in DirectiveDefinition.SpecifiedDirectives)
            {
                if (directives.TrueForAll(d => d.Name != std.Name)) directives.Add(std);
            }

            var invalidRoots = new Dictionary<OperationType, NamedType>();
            ObjectType? Root(OperationType op)
            {
                string? name = null;
                SyntaxNode? node = null;
                if (builder._roots.TryGetValue(op, out var root)) (name, node) = root;
                else if (builder._schemaAst is null)
                    name = op switch { OperationType.Query => "Query", OperationType.Mutation => "Mutation", _ => "Subscription" };
                if (name is null) return null;
                var type = Lookup(name);
                if (type is null)
                {
                    if (node is not null || builder._roots.ContainsKey(op))
                        errors.Add(new GraphQLError($"Unknown type \"{name}\".", node is null ? null : [node]));
                    return null;
                }
                if (type is ObjectType o) return o;
                invalidRoots[op] = type;
                return null;
            }

            var query = Root(OperationType.Query);
            var mutation = Root(OperationType.Mutation);
            var subscription = Root(OperationType.Subscription);

            var coordinates = builder._types.OfType<ComplexTypeConfig>().SelectMany(c => c.Fields.Select(f => c.Name + "." + f.Name)).ToHashSet();
            foreach (var coordinate in builder._resolvers.Keys.Concat(builder._subscribers.Keys))
            {
                if (!coordinates.Contains(coordinate))
                    errors.Add(new GraphQLError($"Cannot attach a resolver to \"{coordinate}\": no such field."));
            }
            foreach (var name in builder._typeResolvers.Keys)
            {
                if (_map.GetValueOrDefault(name) is not (InterfaceType or UnionType))
                    errors.Add(new GraphQLError($"Cannot attach a type resolver to \"{name}\": no such interface or union."));
            }

            return new Schema(query, mutation, subscription, _map.Values, directives)
            {
                Description = builder._description,
                AstNode = builder._schemaAst,
                ExtensionAstNodes = builder._schemaExtensions,
                InvalidRootTypes = invalidRoots,
            };
        }

        private NamedType? Lookup(string name)
        {
            if (_map.TryGetValue(name, out var t)) return t;
            foreach (var s in ScalarType.SpecifiedScalarTypes)
            {
                if (s.Name == name) return s;
            }
            foreach (var i in Introspection.IntrospectionTypes)
            {
                if (i.Name == name) return i;
            }
            return null;
        }

        // Unknown names are reported once, up front, so the thunks below can assume every reference resolves.
        private void CheckReferences()
        {
            foreach (var config in builder._types)
            {
                switch (config)
                {
                    case ComplexTypeConfig c:
                        foreach (var i in c.Interfaces) CheckName(i, c.AstNode);
                        foreach (var f in c.Fields)
                        {
                            CheckRef(f.Type, f.AstNode, $"{c.Name}.{f.Name}");
                            foreach (var a in f.Arguments) CheckRef(a.Type, a.AstNode, $"{c.Name}.{f.Name}({a.Name}:)");
                        }
                        break;
                    case UnionConfig u:
                        foreach (var m in u.Members) CheckName(m, u.AstNode);
                        break;
                    case InputObjectConfig io:
                        foreach (var f in io.Fields) CheckRef(f.Type, f.AstNode, $"{io.Name}.{f.Name}");
                        break;
                }
            }
            foreach (var d in builder._directives)
            {
                foreach (var a in d.Arguments) CheckRef(a.Type, a.AstNode, $"@{d.Name}({a.Name}:)");
            }
        }

        private void CheckName(string name, SyntaxNode? node)
        {
            if (Lookup(name) is null) errors.Add(UnknownType(name, node));
        }

        private void CheckRef(TypeReference reference, SyntaxNode? node, string coordinate)
        {
            if (reference.Node is not null)
            {
                var named = reference.Node;
                while (named is not NamedTypeNode)
                    named = named is ListTypeNode l ? l.Type : ((NonNullTypeNode)named).Type;
                var name = ((NamedTypeNode)named).Name.Value;
                if (Lookup(name) is null) errors.Add(UnknownType(name, named.Location is null ? node : named));
            }
            else if (reference.ClrType is not null && TryResolveClr(reference.ClrType, reference.Nullability, out var problem) is null)
            {
                errors.Add(new GraphQLError($"Cannot infer the GraphQL type of {coordinate}: {problem}"));
            }
        }

        private GraphQLError UnknownType(string name, SyntaxNode? node)
        {
            var known = _map.Keys.Concat(ScalarType.SpecifiedScalarTypes.Select(s => s.Name));
            return new GraphQLError($"Unknown type \"{name}\"." + Suggestions.DidYouMean(Suggestions.SuggestionList(name, known)),
                node is null ? null : [node]);
        }

        private GraphQLType Resolve(TypeReference reference)
        {
            if (reference.Type is not null) return reference.Type;
            if (reference.Node is not null) return ResolveNode(reference.Node);
            return TryResolveClr(reference.ClrType!, reference.Nullability, out _) ?? ScalarType.String;
        }

        private GraphQLType ResolveNode(TypeNode node) => node switch
        {
            NonNullTypeNode nn => new NonNullType(ResolveNode(nn.Type)),
            ListTypeNode l => new ListType(ResolveNode(l.Type)),
            NamedTypeNode n => Lookup(n.Name.Value) ?? throw new InvalidOperationException($"Unknown type \"{n.Name.Value}\"."),
            _ => throw new ArgumentOutOfRangeException(nameof(node)),
        };

        private GraphQLType? TryResolveClr(Type type, NullabilityInfo? info, out string? problem)
        {
            problem = null;
            var nullable = false;
            if (Nullable.GetUnderlyingType(type) is { } underlying)
            {
                nullable = true;
                type = underlying;
            }
            else if (!type.IsValueType)
            {
                nullable = info?.ReadState != NullabilityState.NotNull;
            }
            GraphQLType? inner;
            if (builder._clrBindings.TryGetValue(type, out var boundName)) inner = Lookup(boundName);
            else if (type == typeof(string) || type == typeof(char)) inner = ScalarType.String;
            else if (type == typeof(int) || type == typeof(short) || type == typeof(byte) || type == typeof(sbyte) || type == typeof(ushort)) inner = ScalarType.Int;
            else if (type == typeof(double) || type == typeof(float) || type == typeof(decimal)) inner = ScalarType.Float;
            else if (type == typeof(bool)) inner = ScalarType.Boolean;
            else if (type == typeof(Guid)) inner = ScalarType.ID;
            else if (type != typeof(string) && GetElementType(type, info) is { } element)
            {
                var item = TryResolveClr(element.Type, element.Info, out problem);
                inner = item is null ? null : new ListType(item);
            }
            else
            {
                inner = null;
                problem ??= $"{type.Name} is not mapped; register it (Object<T>, Enum<T>, BindClrType) or give the type explicitly.";
            }
            if (inner is null)
            {
                problem ??= $"{type.Name} is mapped to an unknown type.";
                return null;
            }
            return nullable ? inner : new NonNullType(inner);
        }

        private static (Type Type, NullabilityInfo? Info)? GetElementType(Type type, NullabilityInfo? info)
        {
            if (type.IsArray) return (type.GetElementType()!, info?.ElementType);
            var enumerable = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
                ? type
                : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
            if (enumerable is null) return null;
            var arg = enumerable.GetGenericArguments()[0];
            var argInfo = info is { GenericTypeArguments.Length: 1 } ? info.GenericTypeArguments[0] : null;
            return (arg, argInfo);
        }

        private NamedType Create(TypeConfig config)
        {
            switch (config)
            {
                case PrebuiltConfig p:
                    return p.Type;
                case ScalarConfig s:
                    return new ScalarType(s.Name)
                    {
                        Description = s.Description, SpecifiedByUrl = s.SpecifiedByUrl, AstNode = s.AstNode,
                        ExtensionAstNodes = s.ExtensionAstNodes, Metadata = s.Metadata,
                    };
                case EnumConfig e:
                    return new EnumType(e.Name, e.Values.ToArray())
                    {
                        Description = e.Description, AstNode = e.AstNode, ExtensionAstNodes = e.ExtensionAstNodes, Metadata = e.Metadata,
                    };
                case InputObjectConfig io:
                    return new InputObjectType(io.Name, () => io.Fields.Select(CreateInputField).ToArray())
                    {
                        Description = io.Description, IsOneOf = io.IsOneOf, AstNode = io.AstNode,
                        ExtensionAstNodes = io.ExtensionAstNodes, Metadata = io.Metadata,
                    };
                case UnionConfig u:
                {
                    var union = new UnionType(u.Name, () => MembersOf(u))
                    {
                        Description = u.Description, AstNode = u.AstNode, ExtensionAstNodes = u.ExtensionAstNodes, Metadata = u.Metadata,
                        ResolveType = builder._typeResolvers.GetValueOrDefault(u.Name) ?? u.ResolveType,
                    };
                    return union;
                }
                case ComplexTypeConfig c when c.IsInterface:
                    return new InterfaceType(c.Name, () => FieldsOf(c), () => InterfacesOf(c))
                    {
                        Description = c.Description, AstNode = c.AstNode, ExtensionAstNodes = c.ExtensionAstNodes, Metadata = c.Metadata,
                        ResolveType = builder._typeResolvers.GetValueOrDefault(c.Name) ?? c.ResolveType,
                    };
                case ComplexTypeConfig c:
                    return new ObjectType(c.Name, () => FieldsOf(c), () => InterfacesOf(c))
                    {
                        Description = c.Description, AstNode = c.AstNode, ExtensionAstNodes = c.ExtensionAstNodes, Metadata = c.Metadata,
                        IsTypeOf = builder._isTypeOf.GetValueOrDefault(c.Name) ?? c.IsTypeOf,
                    };
                default:
                    throw new ArgumentOutOfRangeException(nameof(config));
            }
        }

        private FieldDefinition[] FieldsOf(ComplexTypeConfig c) => c.Fields.Select(f =>
        {
            var coordinate = c.Name + "." + f.Name;
            var resolver = builder._resolvers.GetValueOrDefault(coordinate);
            var subscribe = builder._subscribers.GetValueOrDefault(coordinate);
            return new FieldDefinition(f.Name, Resolve(f.Type), f.Arguments.Select(CreateArgument))
            {
                Description = f.DescriptionText,
                DeprecationReason = f.DeprecationReason,
                Resolver = resolver ?? f.ResolverValue,
                Subscribe = subscribe ?? f.SubscribeValue,
                Cost = f.CostValue,
                Metadata = f.MetadataValues ?? EmptyMetadata.Instance,
                AstNode = f.AstNode,
            };
        }).ToArray();

        // Names that resolve to the wrong kind of type are kept aside for the validator (see DeclaredTypeReferences).
        private InterfaceType[] InterfacesOf(ComplexTypeConfig c) => Declared<InterfaceType>(c.Name, c.Interfaces);

        private ObjectType[] MembersOf(UnionConfig u) => Declared<ObjectType>(u.Name, u.Members);

        private T[] Declared<T>(string owner, List<string> names) where T : NamedType
        {
            var all = names.Select(Lookup).OfType<NamedType>().ToArray();
            var typed = all.OfType<T>().ToArray();
            if (typed.Length != all.Length) DeclaredTypeReferences.Set(_map[owner], all);
            return typed;
        }

        private (GraphQLType Type, bool HasDefault, object? Default) Prepare(InputValueBuilder b)
        {
            var type = Resolve(b.Type);
            if (!b.HasDefault) return (type, false, null);
            if (b.DefaultLiteral is null) return (type, true, b.DefaultValueInternal);
            // As graphql-js buildASTSchema: an invalid default literal leaves the value without a default.
            var ok = ValueFromAst.TryConvert(b.DefaultLiteral, type, null, out var value);
            return (type, ok, value);
        }

        private ArgumentDefinition CreateArgument(InputValueBuilder b)
        {
            var (type, hasDefault, defaultValue) = Prepare(b);
            return new ArgumentDefinition(b.Name, type)
            {
                Description = b.DescriptionText, DefaultValue = defaultValue, HasDefaultValue = hasDefault,
                DeprecationReason = b.DeprecationReason, Metadata = b.MetadataValues ?? EmptyMetadata.Instance, AstNode = b.AstNode,
            };
        }

        private InputFieldDefinition CreateInputField(InputValueBuilder b)
        {
            var (type, hasDefault, defaultValue) = Prepare(b);
            return new InputFieldDefinition(b.Name, type)
            {
                Description = b.DescriptionText, DefaultValue = defaultValue, HasDefaultValue = hasDefault,
                DeprecationReason = b.DeprecationReason, Metadata = b.MetadataValues ?? EmptyMetadata.Instance, AstNode = b.AstNode,
            };
        }

        private DirectiveDefinition CreateDirective(DirectiveConfig d) =>
            new(d.Name, d.Locations, d.Arguments.Select(CreateArgument), d.IsRepeatable)
            {
                Description = d.Description, Metadata = d.Metadata, AstNode = d.AstNode,
            };
    }
}

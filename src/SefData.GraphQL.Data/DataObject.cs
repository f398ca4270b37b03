using System.Linq.Expressions;
using System.Reflection;
using SefData.GraphQL.Types;

namespace SefData.GraphQL.Data;

/// <summary>
/// The explicit map from one GraphQL object type to its entity <typeparamref name="T"/>: which GraphQL fields can be
/// filtered, sorted and projected, and which entity member (or expression) each one reads. The same map generates
/// <c>XFilterInput</c> and <c>XSortInput</c>, translates <c>where</c>/<c>order</c> to expressions and builds the
/// projection, so a field name means the same member everywhere. Nothing is inferred: only declared fields exist.
/// </summary>
/// <example>
/// <code>
/// var la = new DataObject&lt;LocalAuthority&gt;("LocalAuthority", x => x.Code).Field("nameEn", x => x.NameEn);
/// var school = new DataObject&lt;School&gt;("School", s => s.Id)
///     .Field("nameEn", s => s.NameEn)
///     .Field("sector", s => s.Sector)
///     .Object("localAuthority", s => s.LocalAuthority, la)
///     .List("categorisations", s => s.Categorisations, categorisation)
///     .Custom("colourIn", "ColourInYearInput", v => ColourIn((IReadOnlyDictionary&lt;string, object?&gt;)v!));
/// </code>
/// </example>
public sealed class DataObject<T> : IDataObject where T : class
{
    private readonly List<DataField> _fields = [];
    private readonly List<LambdaExpression> _keys;

    /// <param name="typeName">The GraphQL object type name; inputs are named <c>{typeName}FilterInput</c> and <c>{typeName}SortInput</c>.</param>
    /// <param name="key">The unique key, appended to every ordering as the tie-breaker and always projected.</param>
    /// <param name="moreKeys">Further key members for composite keys.</param>
    public DataObject(string typeName, Expression<Func<T, object?>> key, params Expression<Func<T, object?>>[] moreKeys)
    {
        ExpressionTools.AssertName(typeName);
        TypeName = typeName;
        _keys = [ExpressionTools.StripBoxing(key), .. moreKeys.Select(ExpressionTools.StripBoxing)];
        CanProject = typeof(T).GetConstructor(Type.EmptyTypes) is not null;
    }

    public string TypeName { get; }
    public Type ClrType => typeof(T);
    public string FilterInputName => TypeName + "FilterInput";
    public string SortInputName => TypeName + "SortInput";
    public IReadOnlyList<DataField> Fields => _fields;
    public IReadOnlyList<LambdaExpression> Keys => _keys;
    public bool CanProject { get; private set; }

    /// <summary>
    /// A scalar field (string, numbers, bool, enums, DateOnly, DateTime, DateTimeOffset, their nullable forms).
    /// A member chain (<c>x => x.Name</c>, <c>x => x.Address.Town</c>) is also projected; any other expression is
    /// filter/sort only.
    /// </summary>
    public DataObject<T> Field<TValue>(string name, Expression<Func<T, TValue>> value, Action<ScalarFieldOptions<T>>? configure = null)
    {
        var options = new ScalarFieldOptions<T>();
        configure?.Invoke(options);
        var operation = options.OperationInputName ?? OperationInputs.NameFor(typeof(TValue), options.EnumTypeName)
            ?? (options.Filterable
                ? throw new ArgumentException($"No filter operation type for {typeof(TValue)}; give one with OperationInput(...) or NoFilter().", nameof(value))
                : "");
        Add(new ScalarDataField(name, value, typeof(TValue), operation, options));
        return this;
    }

    /// <summary>
    /// A to-one relation: a nested <c>XFilterInput</c>, a nested <c>XSortInput</c>, and projected with its selection.
    /// Pass <paramref name="project"/> false when the GraphQL field has its own resolver (a DataLoader by foreign
    /// key): then say what it reads with <see cref="Requires"/>.
    /// </summary>
    public DataObject<T> Object<TOther>(string name, Expression<Func<T, TOther?>> navigation, DataObject<TOther> target,
        bool filter = true, bool sort = true, bool project = true) where TOther : class
    {
        Add(new ObjectDataField(name, navigation, target, filter, sort, project));
        return this;
    }

    /// <summary>
    /// A to-many relation: filterable with <c>ListFilterInputTypeOfXFilterInput { all none some any }</c>. Not sorted,
    /// not projected: the field's own resolver (a DataLoader) loads it, so only this object's keys are projected.
    /// </summary>
    public DataObject<T> List<TOther>(string name, Expression<Func<T, IEnumerable<TOther>>> navigation, DataObject<TOther> target)
        where TOther : class
    {
        Add(new ListDataField(name, navigation, target));
        return this;
    }

    /// <summary>
    /// A filter field with its own input type and translation, e.g. "colour in a given year". The builder gets the
    /// coerced argument value (never null) and returns a predicate; it must build values into the expression as
    /// closures (captured variables), not constants, so they reach SQL as parameters.
    /// </summary>
    public DataObject<T> Custom(string name, TypeReference inputType, Func<object, Expression<Func<T, bool>>> predicate)
    {
        Add(new CustomFilterField(name, inputType, v => predicate(v)));
        return this;
    }

    /// <summary>
    /// Columns a GraphQL field with its own resolver needs on the parent (projected when that field is selected).
    /// </summary>
    public DataObject<T> Requires(string fieldName, params Expression<Func<T, object?>>[] members)
    {
        Add(new RequiresField(fieldName, members.Select(ExpressionTools.StripBoxing).ToArray()));
        return this;
    }

    /// <summary>Loads whole entities instead of projecting selected columns.</summary>
    public DataObject<T> NoProjection()
    {
        CanProject = false;
        return this;
    }

    private void Add(DataField field)
    {
        ExpressionTools.AssertName(field.Name);
        if (field.Name is "and" or "or") throw new ArgumentException("\"and\" and \"or\" are reserved filter fields.", nameof(field));
        // Requires entries may share a name with nothing else; other kinds must be unique.
        if (_fields.Any(f => f.Name == field.Name && (f is RequiresField) == (field is RequiresField)))
            throw new ArgumentException($"Field \"{field.Name}\" is already declared on {TypeName}.", nameof(field));
        _fields.Add(field);
    }
}

/// <summary>Untyped view of <see cref="DataObject{T}"/> used by the translators.</summary>
public interface IDataObject
{
    string TypeName { get; }
    Type ClrType { get; }
    string FilterInputName { get; }
    string SortInputName { get; }
    IReadOnlyList<DataField> Fields { get; }
    /// <summary>Key selectors (<c>T → key</c>), in order.</summary>
    IReadOnlyList<LambdaExpression> Keys { get; }
    /// <summary>Whether results can be built with <c>new T { ... }</c> (a public parameterless constructor).</summary>
    bool CanProject { get; }
}

public class ScalarFieldOptions
{
    internal bool Filterable { get; private set; } = true;
    internal bool Sortable { get; private set; } = true;
    internal string? EnumTypeName { get; private set; }
    internal string? OperationInputName { get; private set; }
    internal LambdaExpression? SortKey { get; private protected set; }

    public ScalarFieldOptions NoFilter() { Filterable = false; return this; }
    public ScalarFieldOptions NoSort() { Sortable = false; return this; }
    /// <summary>The GraphQL enum's name when it differs from the CLR enum's name.</summary>
    public ScalarFieldOptions EnumType(string graphQLEnumName) { EnumTypeName = graphQLEnumName; return this; }
    /// <summary>Overrides the operation input (e.g. "LongOperationFilterInput").</summary>
    public ScalarFieldOptions OperationInput(string inputTypeName) { OperationInputName = inputTypeName; return this; }
}

public sealed class ScalarFieldOptions<T> : ScalarFieldOptions
{
    /// <summary>
    /// Sorts by another expression than the one filtered on, e.g. <c>x => (double)x.Price</c> because SQLite cannot
    /// ORDER BY a decimal.
    /// </summary>
    public ScalarFieldOptions<T> SortBy<TKey>(Expression<Func<T, TKey>> key) { SortKey = key; return this; }
}

/// <summary>One declared field of a <see cref="DataObject{T}"/>.</summary>
public abstract class DataField(string name)
{
    public string Name { get; } = name;
}

public sealed class ScalarDataField : DataField
{
    internal ScalarDataField(string name, LambdaExpression value, Type valueType, string operationInput, ScalarFieldOptions options) : base(name)
    {
        Value = value;
        ValueType = valueType;
        OperationInput = operationInput;
        Filterable = options.Filterable;
        Sortable = options.Sortable;
        EnumTypeName = options.EnumTypeName;
        SortValue = options.SortKey ?? value;
        MemberPath = ExpressionTools.MemberPath(value);
    }

    public LambdaExpression Value { get; }
    /// <summary>What <c>order</c> sorts by (the value unless overridden).</summary>
    public LambdaExpression SortValue { get; }
    public Type ValueType { get; }
    public string OperationInput { get; }
    public bool Filterable { get; }
    public bool Sortable { get; }
    /// <summary>The GraphQL enum name when it differs from the CLR enum's.</summary>
    public string? EnumTypeName { get; }
    /// <summary>The member chain read, when the expression is one (projectable); otherwise null.</summary>
    public IReadOnlyList<MemberInfo>? MemberPath { get; }
}

public sealed class ObjectDataField : DataField
{
    internal ObjectDataField(string name, LambdaExpression navigation, IDataObject target, bool filterable, bool sortable, bool projected) : base(name)
    {
        Projected = projected;
        Navigation = navigation;
        Target = target;
        Filterable = filterable;
        Sortable = sortable;
        MemberPath = ExpressionTools.MemberPath(navigation);
    }

    public LambdaExpression Navigation { get; }
    public IDataObject Target { get; }
    public bool Filterable { get; }
    public bool Sortable { get; }
    public bool Projected { get; }
    public IReadOnlyList<MemberInfo>? MemberPath { get; }
}

public sealed class ListDataField : DataField
{
    internal ListDataField(string name, LambdaExpression navigation, IDataObject target) : base(name)
    {
        Navigation = navigation;
        Target = target;
    }

    public LambdaExpression Navigation { get; }
    public IDataObject Target { get; }
    /// <summary>HotChocolate's name for the list operation input.</summary>
    public string ListInputName => "ListFilterInputTypeOf" + Target.FilterInputName;
}

public sealed class CustomFilterField : DataField
{
    internal CustomFilterField(string name, TypeReference inputType, Func<object, LambdaExpression> predicate) : base(name)
    {
        InputType = inputType;
        Predicate = predicate;
    }

    public TypeReference InputType { get; }
    public Func<object, LambdaExpression> Predicate { get; }
}

public sealed class RequiresField : DataField
{
    internal RequiresField(string name, IReadOnlyList<LambdaExpression> members) : base(name) => Members = members;

    public IReadOnlyList<LambdaExpression> Members { get; }
}

using System.Collections;
using SefData.GraphQL.Types;

namespace SefData.GraphQL.Execution;

/// <summary>
/// A container of the response being built (an object's fields or a list's items). Each knows where it sits in
/// its parent so that a null in a non-null position can be propagated to the nearest nullable parent, and so
/// that response paths are built only when an error or a resolver asks for one.
/// </summary>
internal interface IResultNode
{
    IResultNode? Parent { get; }
    int ParentSlot { get; }
    /// <summary>Set once a null propagated through this node; it is no longer part of the response.</summary>
    bool IsDead { get; set; }
    bool IsSlotNullable(int slot);
    void SetSlot(int slot, object? value);
    ResponsePath? Path { get; }
    ResponsePath PathOfSlot(int slot);
}

/// <summary>
/// The ordered fields of one object in an execution result (response-key order). Values are null, strings,
/// numbers, booleans, <see cref="ResultMap"/>, <see cref="ResultList"/>, or whatever a custom scalar serializes to.
/// </summary>
public sealed class ResultMap : IReadOnlyDictionary<string, object?>, IResultNode
{
    private readonly CollectedFieldSet _fields;
    private readonly object?[] _values;
    private readonly IResultNode? _parent;
    private readonly int _parentSlot;
    private ResponsePath? _path;

    internal ResultMap(CollectedFieldSet fields, IResultNode? parent, int parentSlot)
    {
        _fields = fields;
        _values = fields.Fields.Length == 0 ? [] : new object?[fields.Fields.Length];
        _parent = parent;
        _parentSlot = parentSlot;
    }

    internal CollectedFieldSet FieldSet => _fields;
    internal object?[] RawValues => _values;
    public ObjectType Type => _fields.Type;

    public int Count => _values.Length;
    public IEnumerable<string> Keys => _fields.Keys;
    public IEnumerable<object?> Values => _values;
    public object? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);
    public string KeyAt(int index) => _fields.Keys[index];
    public object? ValueAt(int index) => _values[index];

    public bool ContainsKey(string key) => Array.IndexOf(_fields.Keys, key) >= 0;

    public bool TryGetValue(string key, out object? value)
    {
        var index = Array.IndexOf(_fields.Keys, key);
        value = index >= 0 ? _values[index] : null;
        return index >= 0;
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < _values.Length; i++) yield return new(_fields.Keys[i], _values[i]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    IResultNode? IResultNode.Parent => _parent;
    int IResultNode.ParentSlot => _parentSlot;
    bool IResultNode.IsDead { get; set; }
    bool IResultNode.IsSlotNullable(int slot) => !_fields.Fields[slot].IsNonNull;
    void IResultNode.SetSlot(int slot, object? value) => _values[slot] = value;
    ResponsePath? IResultNode.Path => _path ??= _parent?.PathOfSlot(_parentSlot);
    ResponsePath IResultNode.PathOfSlot(int slot) => new(((IResultNode)this).Path, _fields.Keys[slot], _fields.Type.Name);

    public override string ToString() => ExecutionResultJson.SerializeValue(this);
}

/// <summary>The completed items of a list in an execution result.</summary>
public sealed class ResultList : IReadOnlyList<object?>, IResultNode
{
    private readonly object?[] _items;
    private readonly IResultNode _parent;
    private readonly int _parentSlot;
    private readonly bool _itemsNullable;
    private ResponsePath? _path;

    internal ResultList(int count, bool itemsNullable, IResultNode parent, int parentSlot)
    {
        _items = count == 0 ? [] : new object?[count];
        _itemsNullable = itemsNullable;
        _parent = parent;
        _parentSlot = parentSlot;
    }

    internal object?[] RawItems => _items;

    public int Count => _items.Length;
    public object? this[int index] => _items[index];

    public IEnumerator<object?> GetEnumerator() => ((IEnumerable<object?>)_items).GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    IResultNode? IResultNode.Parent => _parent;
    int IResultNode.ParentSlot => _parentSlot;
    bool IResultNode.IsDead { get; set; }
    bool IResultNode.IsSlotNullable(int slot) => _itemsNullable;
    void IResultNode.SetSlot(int slot, object? value) => _items[slot] = value;
    ResponsePath? IResultNode.Path => _path ??= _parent.PathOfSlot(_parentSlot);
    ResponsePath IResultNode.PathOfSlot(int slot) => new(((IResultNode)this).Path, slot);

    public override string ToString() => ExecutionResultJson.SerializeValue(this);
}

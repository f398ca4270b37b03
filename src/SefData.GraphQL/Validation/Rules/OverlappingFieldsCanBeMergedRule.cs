using System.Text;
using SefData.GraphQL.Language;
using SefData.GraphQL.Types;
using SefData.GraphQL.Utilities;

namespace SefData.GraphQL.Validation.Rules;

/// <summary>
/// Spec 5.3.2 Field Selection Merging: fields with the same response name in a selection set (through fragments too)
/// must be the same field with the same arguments, unless their parents are different object types, and must return
/// shapes that can be merged. The algorithm and its memoisation follow graphql-js: the fields and fragment names of
/// each selection set are collected once, and each (fields, fragment) and (fragment, fragment) comparison is made
/// once per "mutually exclusive" flag, which keeps large documents with many fragment spreads polynomial.
/// </summary>
public sealed class OverlappingFieldsCanBeMergedRule : IValidationRule
{
    public static OverlappingFieldsCanBeMergedRule Instance { get; } = new();
    public string Name => nameof(OverlappingFieldsCanBeMergedRule);
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor(context, KindSet.Of(SyntaxKind.SelectionSet))
    {
        private readonly Finder _finder = new(context);

        public override VisitAction Enter(SyntaxNode node)
        {
            var conflicts = _finder.FindConflictsWithinSelectionSet(Context.ParentType, (SelectionSetNode)node);
            foreach (var conflict in conflicts)
            {
                var nodes = new List<SyntaxNode>(conflict.Fields1.Count + conflict.Fields2.Count);
                nodes.AddRange(conflict.Fields1);
                nodes.AddRange(conflict.Fields2);
                Context.ReportError(new GraphQLError(
                    $"Fields \"{conflict.ResponseName}\" conflict because {ReasonMessage(conflict.Reason)}. Use different aliases on the fields to fetch both if this was intentional.",
                    nodes));
            }
            return VisitAction.Continue;
        }
    }

    private static string ReasonMessage(object reason)
    {
        if (reason is string text) return text;
        var sb = new StringBuilder();
        var first = true;
        foreach (var (responseName, subReason) in (List<(string, object)>)reason)
        {
            if (!first) sb.Append(" and ");
            first = false;
            sb.Append("subfields \"").Append(responseName).Append("\" conflict because ").Append(ReasonMessage(subReason));
        }
        return sb.ToString();
    }

    /// <summary>A conflict: the response name, the reason (a string, or sub-conflicts), and the fields on each side.</summary>
    private sealed record Conflict(string ResponseName, object Reason, List<FieldNode> Fields1, List<FieldNode> Fields2);

    private readonly record struct NodeAndDef(NamedType? ParentType, FieldNode Node, FieldDefinition? Definition);

    /// <summary>Response name to the fields selected under it, in first-seen order (like a JS object's keys).</summary>
    private sealed class FieldMap
    {
        public readonly List<string> Keys = [];
        public readonly Dictionary<string, List<NodeAndDef>> Fields = new(StringComparer.Ordinal);

        public void Add(string responseName, NodeAndDef field)
        {
            if (!Fields.TryGetValue(responseName, out var list))
            {
                Fields[responseName] = list = [];
                Keys.Add(responseName);
            }
            list.Add(field);
        }
    }

    private sealed class FieldsAndFragments(FieldMap fieldMap, List<string> fragmentNames)
    {
        public FieldMap FieldMap { get; } = fieldMap;
        public List<string> FragmentNames { get; } = fragmentNames;
    }

    private sealed class Finder(ValidationContext context)
    {
        private readonly Dictionary<SelectionSetNode, FieldsAndFragments> _cache = new(ReferenceEqualityComparer.Instance);
        // graphql-js OrderedPairSet (field map, fragment name) and PairSet (fragment, fragment): the stored flag is
        // "mutually exclusive"; a pair compared as exclusive does not cover a later non-exclusive comparison.
        private readonly Dictionary<(FieldMap, string), bool> _comparedFieldsAndFragments = new(FieldMapFragmentComparer.Instance);
        private readonly Dictionary<(string, string), bool> _comparedFragments = new();

        public List<Conflict> FindConflictsWithinSelectionSet(NamedType? parentType, SelectionSetNode selectionSet)
        {
            var conflicts = new List<Conflict>();
            var fieldsAndFragments = GetFieldsAndFragmentNames(parentType, selectionSet);
            var fieldMap = fieldsAndFragments.FieldMap;
            var fragmentNames = fieldsAndFragments.FragmentNames;
            // (A) conflicts within the fields of this selection set.
            CollectConflictsWithin(conflicts, fieldMap);
            for (var i = 0; i < fragmentNames.Count; i++)
            {
                // (B) between these fields and each fragment, (C) between each pair of fragments.
                CollectConflictsBetweenFieldsAndFragment(conflicts, false, fieldMap, fragmentNames[i]);
                for (var j = i + 1; j < fragmentNames.Count; j++)
                    CollectConflictsBetweenFragments(conflicts, false, fragmentNames[i], fragmentNames[j]);
            }
            return conflicts;
        }

        // graphql-js recurses into the fragments a fragment spreads; a stack (children pushed in reverse, memo checked
        // when popped) visits them in the same order without overflowing on long chains.
        private void CollectConflictsBetweenFieldsAndFragment(List<Conflict> conflicts, bool areMutuallyExclusive, FieldMap fieldMap, string fragmentName)
        {
            Stack<string>? pending = null;
            var next = fragmentName;
            while (true)
            {
                CompareFieldsWithFragment(conflicts, areMutuallyExclusive, fieldMap, next, ref pending);
                if (pending is null || pending.Count == 0) return;
                next = pending.Pop();
            }
        }

        private void CompareFieldsWithFragment(List<Conflict> conflicts, bool areMutuallyExclusive, FieldMap fieldMap, string fragmentName, ref Stack<string>? pending)
        {
            if (_comparedFieldsAndFragments.TryGetValue((fieldMap, fragmentName), out var exclusive) && (areMutuallyExclusive || !exclusive))
                return;
            _comparedFieldsAndFragments[(fieldMap, fragmentName)] = areMutuallyExclusive;
            var fragment = context.GetFragment(fragmentName);
            if (fragment is null) return;
            var referenced = GetReferencedFieldsAndFragmentNames(fragment);
            // A fragment's fields are not compared with themselves.
            if (ReferenceEquals(fieldMap, referenced.FieldMap)) return;
            // (D) the fields against the fragment's fields, (E) then against fragments it spreads.
            CollectConflictsBetween(conflicts, areMutuallyExclusive, fieldMap, referenced.FieldMap);
            var names = referenced.FragmentNames;
            if (names.Count == 0) return;
            pending ??= new Stack<string>();
            for (var i = names.Count - 1; i >= 0; i--) pending.Push(names[i]);
        }

        private void CollectConflictsBetweenFragments(List<Conflict> conflicts, bool areMutuallyExclusive, string fragmentName1, string fragmentName2)
        {
            Stack<(string, string)>? pending = null;
            var next = (fragmentName1, fragmentName2);
            while (true)
            {
                CompareFragments(conflicts, areMutuallyExclusive, next.Item1, next.Item2, ref pending);
                if (pending is null || pending.Count == 0) return;
                next = pending.Pop();
            }
        }

        private void CompareFragments(List<Conflict> conflicts, bool areMutuallyExclusive, string fragmentName1, string fragmentName2, ref Stack<(string, string)>? pending)
        {
            if (fragmentName1 == fragmentName2) return;
            var key = string.CompareOrdinal(fragmentName1, fragmentName2) < 0 ? (fragmentName1, fragmentName2) : (fragmentName2, fragmentName1);
            if (_comparedFragments.TryGetValue(key, out var exclusive) && (areMutuallyExclusive || !exclusive)) return;
            _comparedFragments[key] = areMutuallyExclusive;
            var fragment1 = context.GetFragment(fragmentName1);
            var fragment2 = context.GetFragment(fragmentName2);
            if (fragment1 is null || fragment2 is null) return;
            var referenced1 = GetReferencedFieldsAndFragmentNames(fragment1);
            var referenced2 = GetReferencedFieldsAndFragmentNames(fragment2);
            // (F) the two fragments' fields, (G) the first against the second's nested fragments, then the reverse.
            CollectConflictsBetween(conflicts, areMutuallyExclusive, referenced1.FieldMap, referenced2.FieldMap);
            var names1 = referenced1.FragmentNames;
            var names2 = referenced2.FragmentNames;
            if (names1.Count == 0 && names2.Count == 0) return;
            pending ??= new Stack<(string, string)>();
            for (var i = names1.Count - 1; i >= 0; i--) pending.Push((names1[i], fragmentName2));
            for (var i = names2.Count - 1; i >= 0; i--) pending.Push((fragmentName1, names2[i]));
        }

        private List<Conflict> FindConflictsBetweenSubSelectionSets(
            bool areMutuallyExclusive, NamedType? parentType1, SelectionSetNode selectionSet1, NamedType? parentType2, SelectionSetNode selectionSet2)
        {
            var conflicts = new List<Conflict>();
            var side1 = GetFieldsAndFragmentNames(parentType1, selectionSet1);
            var side2 = GetFieldsAndFragmentNames(parentType2, selectionSet2);
            // (H) fields against fields, (I) fields against the other side's fragments, (J) fragments against fragments.
            CollectConflictsBetween(conflicts, areMutuallyExclusive, side1.FieldMap, side2.FieldMap);
            foreach (var name2 in side2.FragmentNames)
                CollectConflictsBetweenFieldsAndFragment(conflicts, areMutuallyExclusive, side1.FieldMap, name2);
            foreach (var name1 in side1.FragmentNames)
                CollectConflictsBetweenFieldsAndFragment(conflicts, areMutuallyExclusive, side2.FieldMap, name1);
            foreach (var name1 in side1.FragmentNames)
            {
                foreach (var name2 in side2.FragmentNames)
                    CollectConflictsBetweenFragments(conflicts, areMutuallyExclusive, name1, name2);
            }
            return conflicts;
        }

        private void CollectConflictsWithin(List<Conflict> conflicts, FieldMap fieldMap)
        {
            foreach (var responseName in fieldMap.Keys)
            {
                var fields = fieldMap.Fields[responseName];
                for (var i = 0; i < fields.Count; i++)
                {
                    for (var j = i + 1; j < fields.Count; j++)
                    {
                        // Fields within one selection set are never mutually exclusive.
                        if (FindConflict(false, responseName, fields[i], fields[j]) is { } conflict) conflicts.Add(conflict);
                    }
                }
            }
        }

        private void CollectConflictsBetween(List<Conflict> conflicts, bool parentFieldsAreMutuallyExclusive, FieldMap fieldMap1, FieldMap fieldMap2)
        {
            foreach (var responseName in fieldMap1.Keys)
            {
                if (!fieldMap2.Fields.TryGetValue(responseName, out var fields2)) continue;
                foreach (var field1 in fieldMap1.Fields[responseName])
                {
                    foreach (var field2 in fields2)
                    {
                        if (FindConflict(parentFieldsAreMutuallyExclusive, responseName, field1, field2) is { } conflict) conflicts.Add(conflict);
                    }
                }
            }
        }

        private Conflict? FindConflict(bool parentFieldsAreMutuallyExclusive, string responseName, NodeAndDef field1, NodeAndDef field2)
        {
            // Recursion follows field nesting, which the parser bounds by the same stack check.
            System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
            var (parentType1, node1, def1) = field1;
            var (parentType2, node2, def2) = field2;
            // Fields on two different object types can never apply to the same object, so only their shapes must agree.
            var areMutuallyExclusive = parentFieldsAreMutuallyExclusive
                || (!ReferenceEquals(parentType1, parentType2) && parentType1 is ObjectType && parentType2 is ObjectType);
            if (!areMutuallyExclusive)
            {
                var name1 = node1.Name.Value;
                var name2 = node2.Name.Value;
                if (name1 != name2)
                    return new Conflict(responseName, $"\"{name1}\" and \"{name2}\" are different fields", [node1], [node2]);
                if (!SameArguments(node1, node2))
                    return new Conflict(responseName, "they have differing arguments", [node1], [node2]);
            }
            var type1 = def1?.Type;
            var type2 = def2?.Type;
            if (type1 is not null && type2 is not null && DoTypesConflict(type1, type2))
                return new Conflict(responseName, $"they return conflicting types \"{type1}\" and \"{type2}\"", [node1], [node2]);

            if (node1.SelectionSet is { } selectionSet1 && node2.SelectionSet is { } selectionSet2)
            {
                var conflicts = FindConflictsBetweenSubSelectionSets(
                    areMutuallyExclusive, type1?.GetNamedType(), selectionSet1, type2?.GetNamedType(), selectionSet2);
                return SubfieldConflicts(conflicts, responseName, node1, node2);
            }
            return null;
        }

        private static Conflict? SubfieldConflicts(List<Conflict> conflicts, string responseName, FieldNode node1, FieldNode node2)
        {
            if (conflicts.Count == 0) return null;
            var reasons = new List<(string, object)>(conflicts.Count);
            List<FieldNode> fields1 = [node1];
            List<FieldNode> fields2 = [node2];
            foreach (var conflict in conflicts)
            {
                reasons.Add((conflict.ResponseName, conflict.Reason));
                fields1.AddRange(conflict.Fields1);
                fields2.AddRange(conflict.Fields2);
            }
            return new Conflict(responseName, reasons, fields1, fields2);
        }

        private FieldsAndFragments GetFieldsAndFragmentNames(NamedType? parentType, SelectionSetNode selectionSet)
        {
            if (_cache.TryGetValue(selectionSet, out var cached)) return cached;
            var fieldMap = new FieldMap();
            var fragmentNames = new List<string>();
            CollectFieldsAndFragmentNames(parentType, selectionSet, fieldMap, fragmentNames);
            var result = new FieldsAndFragments(fieldMap, fragmentNames);
            _cache[selectionSet] = result;
            return result;
        }

        // A fragment's fields are collected against its own type condition (cached by its selection set).
        private FieldsAndFragments GetReferencedFieldsAndFragmentNames(FragmentDefinitionNode fragment)
        {
            if (_cache.TryGetValue(fragment.SelectionSet, out var cached)) return cached;
            var fragmentType = TypeFromAst.Convert(context.Schema, fragment.TypeCondition) as NamedType;
            return GetFieldsAndFragmentNames(fragmentType, fragment.SelectionSet);
        }

        private void CollectFieldsAndFragmentNames(
            NamedType? parentType, SelectionSetNode selectionSet, FieldMap fieldMap, List<string> fragmentNames)
        {
            foreach (var selection in selectionSet.Selections)
            {
                switch (selection)
                {
                    case FieldNode field:
                        // Only declared fields: __typename has no definition here, as in graphql-js.
                        var fieldDef = parentType is ComplexType complex ? complex.GetField(field.Name.Value) : null;
                        fieldMap.Add(field.ResponseKey, new NodeAndDef(parentType, field, fieldDef));
                        break;
                    case FragmentSpreadNode spread:
                        // Each name once, in first-seen order; a selection set spreads few fragments, so a scan will do.
                        if (!fragmentNames.Contains(spread.Name.Value)) fragmentNames.Add(spread.Name.Value);
                        break;
                    case InlineFragmentNode inline:
                        var inlineType = inline.TypeCondition is { } condition
                            ? TypeFromAst.Convert(context.Schema, condition) as NamedType
                            : parentType;
                        CollectFieldsAndFragmentNames(inlineType, inline.SelectionSet, fieldMap, fragmentNames);
                        break;
                }
            }
        }
    }

    private static bool SameArguments(FieldNode node1, FieldNode node2)
    {
        var args1 = node1.Arguments;
        var args2 = node2.Arguments;
        if (args1.Count == 0) return args2.Count == 0;
        if (args2.Count == 0 || args1.Count != args2.Count) return false;
        foreach (var arg1 in args1)
        {
            // Map semantics: for a repeated name the last argument counts.
            ValueNode? value2 = null;
            foreach (var arg2 in args2)
            {
                if (arg2.Name.Value == arg1.Name.Value) value2 = arg2.Value;
            }
            if (value2 is null || !SameValue(arg1.Value, value2)) return false;
        }
        return true;
    }

    /// <summary>
    /// graphql-js compares print(sortValueNode(value)): the printed values with object fields sorted by name. Printing
    /// is one-to-one on values of one kind and values of different kinds never print alike, so comparing the trees
    /// gives the same answer without building strings.
    /// </summary>
    private static bool SameValue(ValueNode a, ValueNode b)
    {
        if (a.Kind != b.Kind) return false;
        switch (a)
        {
            case IntValueNode i: return i.Value == ((IntValueNode)b).Value;
            case FloatValueNode f: return f.Value == ((FloatValueNode)b).Value;
            case StringValueNode s:
                var t = (StringValueNode)b;
                return s.Block == t.Block && s.Value == t.Value;
            case BooleanValueNode bo: return bo.Value == ((BooleanValueNode)b).Value;
            case NullValueNode: return true;
            case EnumValueNode e: return e.Value == ((EnumValueNode)b).Value;
            case VariableNode v: return v.Name.Value == ((VariableNode)b).Name.Value;
            case ListValueNode l:
            {
                var m = (ListValueNode)b;
                if (l.Values.Count != m.Values.Count) return false;
                for (var i = 0; i < l.Values.Count; i++)
                {
                    if (!SameValue(l.Values[i], m.Values[i])) return false;
                }
                return true;
            }
            case ObjectValueNode o:
            {
                var p = (ObjectValueNode)b;
                if (o.Fields.Count != p.Fields.Count) return false;
                var fields1 = SortedFields(o);
                var fields2 = SortedFields(p);
                for (var i = 0; i < fields1.Count; i++)
                {
                    if (fields1[i].Name.Value != fields2[i].Name.Value || !SameValue(fields1[i].Value, fields2[i].Value)) return false;
                }
                return true;
            }
            default:
                return false;
        }
    }

    private static List<ObjectFieldNode> SortedFields(ObjectValueNode value)
    {
        var fields = new List<ObjectFieldNode>(value.Fields);
        StableSort.Sort(fields, (x, y) => Suggestions.NaturalCompare(x.Name.Value, y.Name.Value));
        return fields;
    }

    /// <summary>Two types conflict when no value could be both: different list/non-null shapes or different leaf types.</summary>
    private static bool DoTypesConflict(GraphQLType type1, GraphQLType type2)
    {
        while (true)
        {
            if (type1 is ListType list1)
            {
                if (type2 is not ListType list2) return true;
                type1 = list1.OfType;
                type2 = list2.OfType;
                continue;
            }
            if (type2 is ListType) return true;
            if (type1 is NonNullType nonNull1)
            {
                if (type2 is not NonNullType nonNull2) return true;
                type1 = nonNull1.OfType;
                type2 = nonNull2.OfType;
                continue;
            }
            if (type2 is NonNullType) return true;
            if (type1.IsLeafType() || type2.IsLeafType()) return !ReferenceEquals(type1, type2);
            return false;
        }
    }

    private sealed class FieldMapFragmentComparer : IEqualityComparer<(FieldMap, string)>
    {
        public static readonly FieldMapFragmentComparer Instance = new();
        public bool Equals((FieldMap, string) x, (FieldMap, string) y) => ReferenceEquals(x.Item1, y.Item1) && x.Item2 == y.Item2;
        public int GetHashCode((FieldMap, string) obj) =>
            HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Item1), StringComparer.Ordinal.GetHashCode(obj.Item2));
    }
}

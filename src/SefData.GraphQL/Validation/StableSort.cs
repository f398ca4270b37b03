namespace SefData.GraphQL.Validation;

/// <summary>
/// Sorts a list the way V8's Array.prototype.sort orders a short array: the leading run (reversed if strictly
/// descending), then binary insertion of the rest. Some graphql-js comparators are not transitive (the inline-fragment
/// suggestions of FieldsOnCorrectTypeRule), so only the same algorithm gives the same order. Stable; for the short
/// lists suggestions sort, quadratic moves cost nothing.
/// </summary>
internal static class StableSort
{
    public static void Sort<T>(List<T> items, Comparison<T> comparison)
    {
        var count = items.Count;
        if (count < 2) return;

        // CountAndMakeRun.
        var runLength = 2;
        var descending = comparison(items[1], items[0]) < 0;
        var previous = items[1];
        for (var i = 2; i < count; i++)
        {
            var current = items[i];
            var order = comparison(current, previous);
            if (descending ? order >= 0 : order < 0) break;
            previous = current;
            runLength++;
        }
        if (descending) items.Reverse(0, runLength);

        // BinaryInsertionSort of the remaining elements into the run.
        for (var start = runLength; start < count; start++)
        {
            var pivot = items[start];
            var left = 0;
            var right = start;
            while (left < right)
            {
                var mid = left + ((right - left) >> 1);
                if (comparison(pivot, items[mid]) < 0) right = mid;
                else left = mid + 1;
            }
            for (var p = start; p > left; p--) items[p] = items[p - 1];
            items[left] = pivot;
        }
    }
}

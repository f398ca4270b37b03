namespace SefData.GraphQL.Validation;

/// <summary>
/// A stable in-place sort (JavaScript's Array.prototype.sort is stable; List.Sort is not), for the short lists that
/// suggestion messages order.
/// </summary>
internal static class StableSort
{
    public static void Sort<T>(List<T> items, Comparison<T> comparison)
    {
        for (var i = 1; i < items.Count; i++)
        {
            var item = items[i];
            var j = i - 1;
            while (j >= 0 && comparison(items[j], item) > 0)
            {
                items[j + 1] = items[j];
                j--;
            }
            items[j + 1] = item;
        }
    }
}

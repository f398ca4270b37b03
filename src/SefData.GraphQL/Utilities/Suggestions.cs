namespace SefData.GraphQL.Utilities;

/// <summary>"Did you mean" hints, ranked exactly as graphql-js suggestionList/didYouMean rank them.</summary>
public static class Suggestions
{
    private const int MaxSuggestions = 5;

    /// <summary>The options within edit distance floor(0.4 * input.Length) + 1 of the input, closest first.</summary>
    public static IReadOnlyList<string> SuggestionList(string input, IEnumerable<string> options)
    {
        var threshold = (int)Math.Floor(input.Length * 0.4) + 1;
        var inputLower = input.ToLowerInvariant();
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var option in options)
        {
            var distance = Measure(input, inputLower, option, threshold);
            if (distance is { } d) found[option] = d;
        }
        var result = found.Keys.ToList();
        result.Sort((a, b) =>
        {
            var diff = found[a] - found[b];
            return diff != 0 ? diff : NaturalCompare(a, b);
        });
        return result;
    }

    /// <summary>" Did you mean "a", "b", or "c"?" (empty when there are no suggestions).</summary>
    public static string DidYouMean(IReadOnlyList<string> suggestions) => DidYouMean(null, suggestions);

    public static string DidYouMean(string? subMessage, IReadOnlyList<string> suggestions)
    {
        var message = " Did you mean ";
        if (!string.IsNullOrEmpty(subMessage)) message += subMessage + " ";
        switch (suggestions.Count)
        {
            case 0: return "";
            case 1: return message + "\"" + suggestions[0] + "\"?";
            case 2: return message + "\"" + suggestions[0] + "\" or \"" + suggestions[1] + "\"?";
        }
        var selected = suggestions.Take(MaxSuggestions).Select(s => "\"" + s + "\"").ToList();
        var last = selected[^1];
        selected.RemoveAt(selected.Count - 1);
        return message + string.Join(", ", selected) + ", or " + last + "?";
    }

    // Optimal string alignment distance, case-insensitive, with a case-only change counting as one edit.
    private static int? Measure(string input, string inputLower, string option, int threshold)
    {
        if (input == option) return 0;
        var optionLower = option.ToLowerInvariant();
        if (inputLower == optionLower) return 1;
        var a = optionLower;
        var b = inputLower;
        if (a.Length < b.Length) (a, b) = (b, a);
        if (a.Length - b.Length > threshold) return null;
        var rows = new int[3][];
        for (var r = 0; r < 3; r++) rows[r] = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) rows[0][j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            var up = rows[(i - 1) % 3];
            var current = rows[i % 3];
            var smallest = current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var cell = Math.Min(Math.Min(up[j] + 1, current[j - 1] + 1), up[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    cell = Math.Min(cell, rows[(i - 2) % 3][j - 2] + 1);
                if (cell < smallest) smallest = cell;
                current[j] = cell;
            }
            if (smallest > threshold) return null;
        }
        var distance = rows[a.Length % 3][b.Length];
        return distance <= threshold ? distance : null;
    }

    /// <summary>graphql-js naturalCompare: digit runs compare numerically.</summary>
    public static int NaturalCompare(string a, string b)
    {
        var ai = 0;
        var bi = 0;
        while (ai < a.Length && bi < b.Length)
        {
            var ac = a[ai];
            var bc = b[bi];
            if (char.IsAsciiDigit(ac) && char.IsAsciiDigit(bc))
            {
                long an = 0;
                do
                {
                    ai++;
                    an = an * 10 + ac - '0';
                    ac = ai < a.Length ? a[ai] : '\0';
                } while (char.IsAsciiDigit(ac) && an > 0);
                long bn = 0;
                do
                {
                    bi++;
                    bn = bn * 10 + bc - '0';
                    bc = bi < b.Length ? b[bi] : '\0';
                } while (char.IsAsciiDigit(bc) && bn > 0);
                if (an < bn) return -1;
                if (an > bn) return 1;
            }
            else
            {
                if (ac < bc) return -1;
                if (ac > bc) return 1;
                ai++;
                bi++;
            }
        }
        return a.Length - b.Length;
    }
}

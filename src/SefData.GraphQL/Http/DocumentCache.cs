using SefData.GraphQL.Language;

namespace SefData.GraphQL.Http;

/// <summary>
/// A bounded least-recently-used cache of parsed documents that passed validation, keyed by the SHA-256 of the
/// query text, so a dashboard's repeated queries skip parsing and validation. Only valid documents are stored:
/// caching failures would let garbage requests evict useful entries.
/// </summary>
public sealed class DocumentCache
{
    private readonly int _capacity;
    private readonly Dictionary<string, LinkedListNode<Entry>> _map = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _order = new(); // most recently used first
    private readonly Lock _lock = new();

    public DocumentCache(int capacity) => _capacity = Math.Max(0, capacity);

    public int Count { get { lock (_lock) return _map.Count; } }

    public bool TryGet(string hash, string text, out DocumentNode document)
    {
        lock (_lock)
        {
            // The text is compared too, so even a hash collision cannot serve another document.
            if (_map.TryGetValue(hash, out var node) && node.Value.Text == text)
            {
                _order.Remove(node);
                _order.AddFirst(node);
                document = node.Value.Document;
                return true;
            }
        }
        document = null!;
        return false;
    }

    public void Add(string hash, string text, DocumentNode document)
    {
        if (_capacity == 0) return;
        lock (_lock)
        {
            if (_map.TryGetValue(hash, out var existing))
            {
                _order.Remove(existing);
                _map.Remove(hash);
            }
            var node = _order.AddFirst(new Entry(hash, text, document));
            _map[hash] = node;
            while (_map.Count > _capacity)
            {
                var last = _order.Last!;
                _order.RemoveLast();
                _map.Remove(last.Value.Hash);
            }
        }
    }

    private sealed record Entry(string Hash, string Text, DocumentNode Document);
}

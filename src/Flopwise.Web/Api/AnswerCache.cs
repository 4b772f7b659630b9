namespace Flopwise.Web.Api;

/// <summary>
/// A small cache of finished answers: at most a number of entries and of held values over all of them, each kept for a
/// short lifetime; the least recently used goes first. Thread-safe.
/// </summary>
internal sealed class AnswerCache(int maxEntries, long maxValues, TimeSpan lifetime, TimeProvider time)
{
    private readonly LinkedList<(string Key, Answer Answer, DateTimeOffset Expires)> _entries = new();
    private readonly Lock _lock = new();
    private long _values;

    /// <summary>Gets the number of answers held.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Gets the answer stored under <paramref name="key"/> if it has not expired.</summary>
    public bool TryGet(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Answer? answer)
    {
        lock (_lock)
        {
            DateTimeOffset now = time.GetUtcNow();
            for (LinkedListNode<(string Key, Answer Answer, DateTimeOffset Expires)>? node = _entries.First; node is not null; node = node.Next)
            {
                if (node.Value.Key != key)
                {
                    continue;
                }

                if (node.Value.Expires <= now)
                {
                    Remove(node);
                    break;
                }

                _entries.Remove(node);
                _entries.AddFirst(node);
                answer = node.Value.Answer;
                return true;
            }
        }

        answer = null;
        return false;
    }

    /// <summary>Stores an answer, evicting the expired and then the least recently used; an answer larger than the whole budget is not stored.</summary>
    /// <returns>Whether the answer was stored.</returns>
    public bool Add(string key, Answer answer)
    {
        if (answer.HeldValues > maxValues || maxEntries < 1)
        {
            return false;
        }

        lock (_lock)
        {
            DateTimeOffset now = time.GetUtcNow();
            for (LinkedListNode<(string Key, Answer Answer, DateTimeOffset Expires)>? node = _entries.First; node is not null;)
            {
                LinkedListNode<(string Key, Answer Answer, DateTimeOffset Expires)>? next = node.Next;
                if (node.Value.Key == key || node.Value.Expires <= now)
                {
                    Remove(node);
                }

                node = next;
            }

            while (_entries.Count >= maxEntries || (_entries.Count > 0 && _values + answer.HeldValues > maxValues))
            {
                Remove(_entries.Last!);
            }

            _entries.AddFirst((key, answer, now + lifetime));
            _values += answer.HeldValues;
            return true;
        }
    }

    /// <summary>Removes the expired answers, so that a run's memory is freed when its lifetime ends even if no request comes.</summary>
    /// <returns>How many numbers the removed answers held.</returns>
    public long RemoveExpired()
    {
        lock (_lock)
        {
            long before = _values;
            DateTimeOffset now = time.GetUtcNow();
            for (LinkedListNode<(string Key, Answer Answer, DateTimeOffset Expires)>? node = _entries.First; node is not null;)
            {
                LinkedListNode<(string Key, Answer Answer, DateTimeOffset Expires)>? next = node.Next;
                if (node.Value.Expires <= now)
                {
                    Remove(node);
                }

                node = next;
            }

            return before - _values;
        }
    }

    private void Remove(LinkedListNode<(string Key, Answer Answer, DateTimeOffset Expires)> node)
    {
        _values -= node.Value.Answer.HeldValues;
        _entries.Remove(node);
    }
}

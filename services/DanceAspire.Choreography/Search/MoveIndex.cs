using System.Numerics.Tensors;

namespace DanceAspire.Choreography.Search;

/// <summary>
/// In-memory nearest-neighbour index of move embeddings by cosine similarity.
/// Vectors are stored L2-normalized, row after row in one array, so a search is one SIMD dot
/// product per row plus a k-sized heap. Many concurrent readers, occasional writers.
/// </summary>
public sealed class MoveIndex : IDisposable
{
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly Dictionary<Guid, int> _rowById = [];
    // Style tags are interned to small ints so a filtered scan tests array slots, not strings.
    private readonly Dictionary<string, int> _styleIds = new(StringComparer.OrdinalIgnoreCase);
    private float[] _vectors;
    private Guid[] _ids;
    // Style ids below 64 live in a per-row bit mask (no pointer chase in the scan); the rare rest in a list.
    private ulong[] _styleMask;
    private int[][] _moreStyles;
    private int[] _difficulty;
    private double[] _energy;
    private Guid[] _owners;
    private int _count;

    public MoveIndex(int dimension, int initialCapacity = 16)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(initialCapacity);
        Dimension = dimension;
        var capacity = Math.Max(initialCapacity, 1);
        _vectors = new float[capacity * dimension];
        _ids = new Guid[capacity];
        _styleMask = new ulong[capacity];
        _moreStyles = new int[capacity][];
        _difficulty = new int[capacity];
        _energy = new double[capacity];
        _owners = new Guid[capacity];
    }

    public int Dimension { get; }

    public int Count
    {
        get
        {
            _lock.EnterReadLock();
            try { return _count; }
            finally { _lock.ExitReadLock(); }
        }
    }

    public bool Contains(Guid id)
    {
        _lock.EnterReadLock();
        try { return _rowById.ContainsKey(id); }
        finally { _lock.ExitReadLock(); }
    }

    /// <summary>Adds the move, or replaces the move with the same id.</summary>
    public void Upsert(MoveRecord move) => UpsertRange([move]);

    /// <summary>Adds or replaces many moves under one write lock; all are checked before any is stored.</summary>
    public void UpsertRange(IEnumerable<MoveRecord> moves)
    {
        ArgumentNullException.ThrowIfNull(moves);
        var batch = moves as IReadOnlyCollection<MoveRecord> ?? moves.ToList();
        foreach (var move in batch) CheckMove(move);

        _lock.EnterWriteLock();
        try
        {
            EnsureCapacity(_count + batch.Count);
            foreach (var move in batch)
            {
                if (!_rowById.TryGetValue(move.Id, out var row))
                {
                    row = _count++;
                    _rowById[move.Id] = row;
                }
                StoreRow(row, move);
            }
        }
        finally { _lock.ExitWriteLock(); }
    }

    /// <summary>Removes the move; false when it was not there.</summary>
    public bool Remove(Guid id)
    {
        _lock.EnterWriteLock();
        try
        {
            if (!_rowById.Remove(id, out var row)) return false;
            var last = _count - 1;
            if (row != last)
            {
                // Keep rows contiguous: the last row moves into the hole.
                _vectors.AsSpan(last * Dimension, Dimension).CopyTo(_vectors.AsSpan(row * Dimension, Dimension));
                _ids[row] = _ids[last];
                _styleMask[row] = _styleMask[last];
                _moreStyles[row] = _moreStyles[last];
                _difficulty[row] = _difficulty[last];
                _energy[row] = _energy[last];
                _owners[row] = _owners[last];
                _rowById[_ids[row]] = row;
            }
            _moreStyles[last] = [];
            _count = last;
            return true;
        }
        finally { _lock.ExitWriteLock(); }
    }

    /// <summary>
    /// The (at most) <paramref name="k"/> moves most similar to <paramref name="query"/> that pass
    /// <paramref name="filter"/>, most similar first (ties by id).
    /// </summary>
    public IReadOnlyList<MoveMatch> Search(ReadOnlySpan<float> query, int k, MoveFilter? filter = null)
    {
        if (query.Length != Dimension)
            throw new ArgumentException($"Query has {query.Length} dimensions but the index holds {Dimension}-dimensional embeddings.", nameof(query));
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var queryNorm = Norm(query, nameof(query), "query");
        RowFilter.CheckRanges(filter);

        _lock.EnterReadLock();
        try
        {
            var accept = RowFilter.Create(filter, _styleIds);
            var best = new TopK(Math.Min(k, _count));
            if (best.Capacity == 0) return [];
            var vectors = _vectors.AsSpan(0, _count * Dimension);
            for (var row = 0; row < _count; row++)
            {
                if (accept is not null && !accept.Matches(_styleMask[row], _moreStyles[row], _difficulty[row], _energy[row], _owners[row])) continue;
                var score = TensorPrimitives.Dot(vectors.Slice(row * Dimension, Dimension), query);
                // Exclusions are looked up only for rows that would enter the top k.
                if (!best.WouldAccept(score)) continue;
                if (accept is not null && accept.IsExcluded(_ids[row])) continue;
                best.Offer(score, row);
            }
            return best.Drain(_ids, 1f / queryNorm);
        }
        finally { _lock.ExitReadLock(); }
    }

    public void Dispose() => _lock.Dispose();

    private void CheckMove(MoveRecord move)
    {
        ArgumentNullException.ThrowIfNull(move);
        ArgumentNullException.ThrowIfNull(move.Embedding);
        if (move.Embedding.Length != Dimension)
            throw new ArgumentException($"Move {move.Id} has a {move.Embedding.Length}-dimensional embedding but the index holds {Dimension}-dimensional embeddings.", nameof(move));
        Norm(move.Embedding, nameof(move), $"embedding of move {move.Id}");
        if (move.Difficulty is < 1 or > 5)
            throw new ArgumentException($"Move {move.Id} has difficulty {move.Difficulty}; it must be 1..5.", nameof(move));
        if (!(move.Energy is >= 0 and <= 100))
            throw new ArgumentException($"Move {move.Id} has energy {move.Energy}; it must be 0..100.", nameof(move));
        ArgumentNullException.ThrowIfNull(move.Styles);
    }

    private static float Norm(ReadOnlySpan<float> vector, string paramName, string what)
    {
        var norm = TensorPrimitives.Norm(vector);
        if (!float.IsFinite(norm))
            throw new ArgumentException($"The {what} contains NaN or infinite components.", paramName);
        if (norm == 0f)
            throw new ArgumentException($"The {what} is a zero vector; cosine similarity is undefined for it.", paramName);
        return norm;
    }

    private void StoreRow(int row, MoveRecord move)
    {
        var target = _vectors.AsSpan(row * Dimension, Dimension);
        TensorPrimitives.Divide(move.Embedding, TensorPrimitives.Norm(move.Embedding), target);
        _ids[row] = move.Id;
        var styleIds = move.Styles.Select(InternStyle).Distinct().ToArray();
        _styleMask[row] = styleIds.Where(id => id < 64).Aggregate(0UL, (mask, id) => mask | 1UL << id);
        _moreStyles[row] = styleIds.Where(id => id >= 64).ToArray();
        _difficulty[row] = move.Difficulty;
        _energy[row] = move.Energy;
        _owners[row] = move.OwnerId;
    }

    private int InternStyle(string style)
    {
        if (!_styleIds.TryGetValue(style, out var id))
        {
            id = _styleIds.Count;
            _styleIds[style] = id;
        }
        return id;
    }

    private void EnsureCapacity(int rows)
    {
        if (rows <= _ids.Length) return;
        var capacity = Math.Max(rows, _ids.Length * 2);
        Array.Resize(ref _vectors, capacity * Dimension);
        Array.Resize(ref _ids, capacity);
        Array.Resize(ref _styleMask, capacity);
        Array.Resize(ref _moreStyles, capacity);
        Array.Resize(ref _difficulty, capacity);
        Array.Resize(ref _energy, capacity);
        Array.Resize(ref _owners, capacity);
    }

    /// <summary>A filter prepared once per search: wanted styles as a lookup by style id, exclusions hashed.</summary>
    private sealed class RowFilter(ulong wantedMask, bool[]? wantedStyles, MoveFilter filter, HashSet<Guid>? excluded)
    {
        public static void CheckRanges(MoveFilter? filter)
        {
            if (filter is not null && (filter.MinDifficulty > filter.MaxDifficulty || filter.MinEnergy > filter.MaxEnergy))
                throw new ArgumentException("The filter's minimum exceeds its maximum.", nameof(filter));
        }

        /// <summary>Call under the read lock: it reads the style ids.</summary>
        public static RowFilter? Create(MoveFilter? filter, Dictionary<string, int> styleIds)
        {
            if (filter is null) return null;
            bool[]? wanted = null;
            var wantedMask = 0UL;
            if (filter.Styles is not null)
            {
                wanted = new bool[styleIds.Count];
                foreach (var style in filter.Styles)
                {
                    if (!styleIds.TryGetValue(style, out var id)) continue;
                    wanted[id] = true;
                    if (id < 64) wantedMask |= 1UL << id;
                }
            }
            var excluded = filter.ExcludeIds is { Count: > 0 } ids ? ids.ToHashSet() : null;
            return new RowFilter(wantedMask, wanted, filter, excluded);
        }

        public bool Matches(ulong rowMask, int[] moreRowStyles, int difficulty, double energy, Guid owner)
        {
            if (filter.OwnerId is { } wantedOwner && owner != wantedOwner) return false;
            if (difficulty < filter.MinDifficulty || difficulty > filter.MaxDifficulty) return false;
            if (energy < filter.MinEnergy || energy > filter.MaxEnergy) return false;
            if (wantedStyles is null || (rowMask & wantedMask) != 0) return true;
            foreach (var style in moreRowStyles)
                if (wantedStyles[style]) return true;
            return false;
        }

        public bool IsExcluded(Guid id) => excluded is not null && excluded.Contains(id);
    }

    /// <summary>Min-heap of the best k scores seen so far; the root is the one to beat.</summary>
    private sealed class TopK(int capacity)
    {
        private readonly float[] _scores = new float[capacity];
        private readonly int[] _rows = new int[capacity];
        private int _size;

        public int Capacity => capacity;

        public bool WouldAccept(float score) => _size < capacity || score > _scores[0];

        public void Offer(float score, int row)
        {
            if (_size < capacity)
            {
                var i = _size++;
                while (i > 0)
                {
                    var parent = (i - 1) / 2;
                    if (_scores[parent] <= score) break;
                    _scores[i] = _scores[parent];
                    _rows[i] = _rows[parent];
                    i = parent;
                }
                _scores[i] = score;
                _rows[i] = row;
                return;
            }
            // Replace the root and sift down.
            var at = 0;
            while (true)
            {
                var child = 2 * at + 1;
                if (child >= _size) break;
                if (child + 1 < _size && _scores[child + 1] < _scores[child]) child++;
                if (_scores[child] >= score) break;
                _scores[at] = _scores[child];
                _rows[at] = _rows[child];
                at = child;
            }
            _scores[at] = score;
            _rows[at] = row;
        }

        public MoveMatch[] Drain(Guid[] ids, float scale)
        {
            var matches = new MoveMatch[_size];
            for (var i = 0; i < _size; i++)
                matches[i] = new MoveMatch(ids[_rows[i]], Math.Clamp(_scores[i] * scale, -1f, 1f));
            Array.Sort(matches, (a, b) => b.Similarity != a.Similarity ? b.Similarity.CompareTo(a.Similarity) : a.Id.CompareTo(b.Id));
            return matches;
        }
    }
}

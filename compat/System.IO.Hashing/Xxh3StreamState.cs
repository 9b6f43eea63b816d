namespace System.IO.Hashing;

/// <summary>
/// Streaming state of XXH3, shared by <see cref="XxHash3"/> and <see cref="XxHash128"/>.
/// Input is buffered until more than <see cref="BufferLength"/> bytes have arrived, so an input
/// of up to 240 bytes is hashed from the buffer by the one-shot short paths. Beyond that, whole
/// stripes are accumulated as they arrive, but at least one byte always stays buffered, because
/// the final stripe is treated differently and only the digest knows which stripe is final.
/// </summary>
internal sealed class Xxh3StreamState
{
    private const int BufferLength = 4 * Xxh3.StripeLength;

    private readonly byte[] _secret;
    private readonly ulong[] _acc = new ulong[Xxh3.AccumulatorCount];
    private readonly byte[] _buffer = new byte[BufferLength];

    // The last 64 bytes already accumulated, needed when fewer than 64 remain buffered at the end.
    private readonly byte[] _previousStripe = new byte[Xxh3.StripeLength];

    private int _bufferedCount;
    private int _stripesInBlock;
    private ulong _totalLength;

    public Xxh3StreamState(ulong seed)
    {
        Seed = seed;
        _secret = seed == 0 ? Xxh3.DefaultSecret.ToArray() : Xxh3.SecretForSeed(seed);
        Reset();
    }

    private Xxh3StreamState(Xxh3StreamState other)
    {
        Seed = other.Seed;
        _secret = other._secret;
        other._acc.CopyTo(_acc, 0);
        other._buffer.CopyTo(_buffer, 0);
        other._previousStripe.CopyTo(_previousStripe, 0);
        _bufferedCount = other._bufferedCount;
        _stripesInBlock = other._stripesInBlock;
        _totalLength = other._totalLength;
    }

    public ulong Seed { get; }

    public Xxh3StreamState Clone() => new(this);

    public void Reset()
    {
        Xxh3.InitAccumulators(_acc);
        _bufferedCount = 0;
        _stripesInBlock = 0;
        _totalLength = 0;
    }

    public void Append(ReadOnlySpan<byte> source)
    {
        _totalLength += (ulong)source.Length;

        if (source.Length <= BufferLength - _bufferedCount)
        {
            source.CopyTo(_buffer.AsSpan(_bufferedCount));
            _bufferedCount += source.Length;
            return;
        }

        // More than the buffer holds has arrived, so the buffered bytes are not the end of the input.
        if (_bufferedCount > 0)
        {
            int fill = BufferLength - _bufferedCount;
            source[..fill].CopyTo(_buffer.AsSpan(_bufferedCount));
            source = source[fill..];
            ConsumeStripes(_buffer);
            _bufferedCount = 0;
        }

        if (source.Length > BufferLength)
        {
            // Accumulate whole stripes, keeping the last 1..64 bytes back for the buffer.
            int consumable = (source.Length - 1) / Xxh3.StripeLength * Xxh3.StripeLength;
            ConsumeStripes(source[..consumable]);
            source = source[consumable..];
        }

        source.CopyTo(_buffer);
        _bufferedCount = source.Length;
    }

    public ulong Digest64()
    {
        if (_totalLength <= Xxh3.MidSizeMax)
        {
            return Xxh3.Hash64(_buffer.AsSpan(0, _bufferedCount), Seed);
        }

        Span<ulong> acc = stackalloc ulong[Xxh3.AccumulatorCount];
        FinishStripes(acc);
        return Xxh3.Merge64(acc, _secret, _totalLength);
    }

    public UInt128 Digest128()
    {
        if (_totalLength <= Xxh3.MidSizeMax)
        {
            return Xxh3.Hash128(_buffer.AsSpan(0, _bufferedCount), Seed);
        }

        Span<ulong> acc = stackalloc ulong[Xxh3.AccumulatorCount];
        FinishStripes(acc);
        return Xxh3.Merge128(acc, _secret, _totalLength);
    }

    private void ConsumeStripes(ReadOnlySpan<byte> stripes)
    {
        Xxh3.ConsumeStripes(_acc, stripes, _secret, ref _stripesInBlock);
        stripes[^Xxh3.StripeLength..].CopyTo(_previousStripe);
    }

    /// <summary>Runs the buffered tail through a copy of the accumulators, leaving the state untouched.</summary>
    private void FinishStripes(Span<ulong> acc)
    {
        _acc.CopyTo(acc);
        int stripesInBlock = _stripesInBlock;
        int wholeStripes = (_bufferedCount - 1) / Xxh3.StripeLength;
        Xxh3.ConsumeStripes(acc, _buffer.AsSpan(0, wholeStripes * Xxh3.StripeLength), _secret, ref stripesInBlock);

        Span<byte> lastStripe = stackalloc byte[Xxh3.StripeLength];
        if (_bufferedCount >= Xxh3.StripeLength)
        {
            _buffer.AsSpan(_bufferedCount - Xxh3.StripeLength, Xxh3.StripeLength).CopyTo(lastStripe);
        }
        else
        {
            int fromPrevious = Xxh3.StripeLength - _bufferedCount;
            _previousStripe.AsSpan(Xxh3.StripeLength - fromPrevious).CopyTo(lastStripe);
            _buffer.AsSpan(0, _bufferedCount).CopyTo(lastStripe[fromPrevious..]);
        }

        Xxh3.AccumulateLastStripe(acc, lastStripe, _secret);
    }
}

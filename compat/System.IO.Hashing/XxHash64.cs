using System.Buffers.Binary;
using System.Numerics;

namespace System.IO.Hashing;

/// <summary>
/// XXH64 (xxHash, 64-bit). Byte forms are big-endian, xxHash's canonical representation,
/// like the System.IO.Hashing package.
/// </summary>
public sealed class XxHash64 : NonCryptographicHashAlgorithm
{
    private const ulong Prime1 = 0x9E37_79B1_85EB_CA87UL;
    private const ulong Prime2 = 0xC2B2_AE3D_27D4_EB4FUL;
    private const ulong Prime3 = 0x1656_67B1_9E37_79F9UL;
    private const ulong Prime4 = 0x85EB_CA77_C2B2_AE63UL;
    private const ulong Prime5 = 0x27D4_EB2F_1656_67C5UL;
    private const int StripeSize = 32;
    private const int Size = sizeof(ulong);

    private readonly ulong _seed;
    private readonly byte[] _pending = new byte[StripeSize];
    private ulong _v1, _v2, _v3, _v4;
    private int _pendingCount;
    private ulong _totalLength;

    public XxHash64()
        : this(0)
    {
    }

    public XxHash64(long seed)
        : base(Size)
    {
        _seed = (ulong)seed;
        Reset();
    }

    public override void Reset()
    {
        InitLanes(_seed, out _v1, out _v2, out _v3, out _v4);
        _pendingCount = 0;
        _totalLength = 0;
    }

    public override void Append(ReadOnlySpan<byte> source)
    {
        _totalLength += (ulong)source.Length;

        if (_pendingCount > 0)
        {
            int take = Math.Min(StripeSize - _pendingCount, source.Length);
            source[..take].CopyTo(_pending.AsSpan(_pendingCount));
            _pendingCount += take;
            source = source[take..];
            if (_pendingCount < StripeSize)
            {
                return;
            }

            ConsumeStripes(_pending, ref _v1, ref _v2, ref _v3, ref _v4);
            _pendingCount = 0;
        }

        int whole = source.Length - source.Length % StripeSize;
        ConsumeStripes(source[..whole], ref _v1, ref _v2, ref _v3, ref _v4);
        source[whole..].CopyTo(_pending);
        _pendingCount = source.Length - whole;
    }

    /// <summary>Returns an independent copy of this instance, including the data appended so far.</summary>
    public XxHash64 Clone()
    {
        var copy = new XxHash64((long)_seed)
        {
            _v1 = _v1, _v2 = _v2, _v3 = _v3, _v4 = _v4,
            _pendingCount = _pendingCount,
            _totalLength = _totalLength,
        };
        _pending.CopyTo(copy._pending, 0);
        return copy;
    }

    protected override void GetCurrentHashCore(Span<byte> destination) =>
        BinaryPrimitives.WriteUInt64BigEndian(destination, GetCurrentHashAsUInt64());

    [CLSCompliant(false)]
    public ulong GetCurrentHashAsUInt64() =>
        Finish(_seed, _v1, _v2, _v3, _v4, _totalLength, _pending.AsSpan(0, _pendingCount));

    public static byte[] Hash(byte[] source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Hash(new ReadOnlySpan<byte>(source));
    }

    public static byte[] Hash(byte[] source, long seed)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Hash(new ReadOnlySpan<byte>(source), seed);
    }

    public static byte[] Hash(ReadOnlySpan<byte> source, long seed = 0)
    {
        byte[] hash = new byte[Size];
        BinaryPrimitives.WriteUInt64BigEndian(hash, HashToUInt64(source, seed));
        return hash;
    }

    public static int Hash(ReadOnlySpan<byte> source, Span<byte> destination, long seed = 0)
    {
        if (destination.Length < Size)
        {
            ThrowDestinationTooShort();
        }

        BinaryPrimitives.WriteUInt64BigEndian(destination, HashToUInt64(source, seed));
        return Size;
    }

    public static bool TryHash(ReadOnlySpan<byte> source, Span<byte> destination, out int bytesWritten, long seed = 0)
    {
        if (destination.Length < Size)
        {
            bytesWritten = 0;
            return false;
        }

        BinaryPrimitives.WriteUInt64BigEndian(destination, HashToUInt64(source, seed));
        bytesWritten = Size;
        return true;
    }

    [CLSCompliant(false)]
    public static ulong HashToUInt64(ReadOnlySpan<byte> source, long seed = 0)
    {
        ulong unsignedSeed = (ulong)seed;
        InitLanes(unsignedSeed, out ulong v1, out ulong v2, out ulong v3, out ulong v4);
        int whole = source.Length - source.Length % StripeSize;
        ConsumeStripes(source[..whole], ref v1, ref v2, ref v3, ref v4);
        return Finish(unsignedSeed, v1, v2, v3, v4, (ulong)source.Length, source[whole..]);
    }

    private static void InitLanes(ulong seed, out ulong v1, out ulong v2, out ulong v3, out ulong v4)
    {
        v1 = seed + Prime1 + Prime2;
        v2 = seed + Prime2;
        v3 = seed;
        v4 = seed - Prime1;
    }

    /// <summary>Runs the four lanes over whole 32-byte stripes; <paramref name="stripes"/> length is a multiple of 32.</summary>
    private static void ConsumeStripes(ReadOnlySpan<byte> stripes, ref ulong v1, ref ulong v2, ref ulong v3, ref ulong v4)
    {
        for (int offset = 0; offset < stripes.Length; offset += StripeSize)
        {
            ReadOnlySpan<byte> stripe = stripes.Slice(offset, StripeSize);
            v1 = Round(v1, BinaryPrimitives.ReadUInt64LittleEndian(stripe));
            v2 = Round(v2, BinaryPrimitives.ReadUInt64LittleEndian(stripe[8..]));
            v3 = Round(v3, BinaryPrimitives.ReadUInt64LittleEndian(stripe[16..]));
            v4 = Round(v4, BinaryPrimitives.ReadUInt64LittleEndian(stripe[24..]));
        }
    }

    private static ulong Round(ulong accumulator, ulong lane) =>
        BitOperations.RotateLeft(accumulator + lane * Prime2, 31) * Prime1;

    private static ulong MergeLane(ulong hash, ulong lane) => (hash ^ Round(0, lane)) * Prime1 + Prime4;

    /// <summary>Folds the lanes, the total length and the fewer than 32 trailing bytes into the hash.</summary>
    private static ulong Finish(ulong seed, ulong v1, ulong v2, ulong v3, ulong v4, ulong totalLength, ReadOnlySpan<byte> tail)
    {
        ulong hash;
        if (totalLength >= StripeSize)
        {
            hash = BitOperations.RotateLeft(v1, 1) + BitOperations.RotateLeft(v2, 7)
                 + BitOperations.RotateLeft(v3, 12) + BitOperations.RotateLeft(v4, 18);
            hash = MergeLane(hash, v1);
            hash = MergeLane(hash, v2);
            hash = MergeLane(hash, v3);
            hash = MergeLane(hash, v4);
        }
        else
        {
            hash = seed + Prime5;
        }

        hash += totalLength;

        while (tail.Length >= 8)
        {
            hash ^= Round(0, BinaryPrimitives.ReadUInt64LittleEndian(tail));
            hash = BitOperations.RotateLeft(hash, 27) * Prime1 + Prime4;
            tail = tail[8..];
        }

        if (tail.Length >= 4)
        {
            hash ^= BinaryPrimitives.ReadUInt32LittleEndian(tail) * Prime1;
            hash = BitOperations.RotateLeft(hash, 23) * Prime2 + Prime3;
            tail = tail[4..];
        }

        foreach (byte b in tail)
        {
            hash ^= b * Prime5;
            hash = BitOperations.RotateLeft(hash, 11) * Prime1;
        }

        hash ^= hash >> 33;
        hash *= Prime2;
        hash ^= hash >> 29;
        hash *= Prime3;
        hash ^= hash >> 32;
        return hash;
    }
}

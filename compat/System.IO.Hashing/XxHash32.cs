using System.Buffers.Binary;
using System.Numerics;

namespace System.IO.Hashing;

/// <summary>
/// XXH32 (xxHash, 32-bit). Byte forms are big-endian, xxHash's canonical representation,
/// like the System.IO.Hashing package.
/// </summary>
public sealed class XxHash32 : NonCryptographicHashAlgorithm
{
    private const uint Prime1 = 0x9E37_79B1u;
    private const uint Prime2 = 0x85EB_CA77u;
    private const uint Prime3 = 0xC2B2_AE3Du;
    private const uint Prime4 = 0x27D4_EB2Fu;
    private const uint Prime5 = 0x1656_67B1u;
    private const int StripeSize = 16;
    private const int Size = sizeof(uint);

    private readonly uint _seed;
    private readonly byte[] _pending = new byte[StripeSize];
    private uint _v1, _v2, _v3, _v4;
    private int _pendingCount;
    private ulong _totalLength;

    public XxHash32()
        : this(0)
    {
    }

    public XxHash32(int seed)
        : base(Size)
    {
        _seed = (uint)seed;
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
    public XxHash32 Clone()
    {
        var copy = new XxHash32((int)_seed)
        {
            _v1 = _v1, _v2 = _v2, _v3 = _v3, _v4 = _v4,
            _pendingCount = _pendingCount,
            _totalLength = _totalLength,
        };
        _pending.CopyTo(copy._pending, 0);
        return copy;
    }

    protected override void GetCurrentHashCore(Span<byte> destination) =>
        BinaryPrimitives.WriteUInt32BigEndian(destination, GetCurrentHashAsUInt32());

    [CLSCompliant(false)]
    public uint GetCurrentHashAsUInt32() =>
        Finish(_seed, _v1, _v2, _v3, _v4, _totalLength, _pending.AsSpan(0, _pendingCount));

    public static byte[] Hash(byte[] source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Hash(new ReadOnlySpan<byte>(source));
    }

    public static byte[] Hash(byte[] source, int seed)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Hash(new ReadOnlySpan<byte>(source), seed);
    }

    public static byte[] Hash(ReadOnlySpan<byte> source, int seed = 0)
    {
        byte[] hash = new byte[Size];
        BinaryPrimitives.WriteUInt32BigEndian(hash, HashToUInt32(source, seed));
        return hash;
    }

    public static int Hash(ReadOnlySpan<byte> source, Span<byte> destination, int seed = 0)
    {
        if (destination.Length < Size)
        {
            ThrowDestinationTooShort();
        }

        BinaryPrimitives.WriteUInt32BigEndian(destination, HashToUInt32(source, seed));
        return Size;
    }

    public static bool TryHash(ReadOnlySpan<byte> source, Span<byte> destination, out int bytesWritten, int seed = 0)
    {
        if (destination.Length < Size)
        {
            bytesWritten = 0;
            return false;
        }

        BinaryPrimitives.WriteUInt32BigEndian(destination, HashToUInt32(source, seed));
        bytesWritten = Size;
        return true;
    }

    [CLSCompliant(false)]
    public static uint HashToUInt32(ReadOnlySpan<byte> source, int seed = 0)
    {
        uint unsignedSeed = (uint)seed;
        InitLanes(unsignedSeed, out uint v1, out uint v2, out uint v3, out uint v4);
        int whole = source.Length - source.Length % StripeSize;
        ConsumeStripes(source[..whole], ref v1, ref v2, ref v3, ref v4);
        return Finish(unsignedSeed, v1, v2, v3, v4, (ulong)source.Length, source[whole..]);
    }

    private static void InitLanes(uint seed, out uint v1, out uint v2, out uint v3, out uint v4)
    {
        v1 = seed + Prime1 + Prime2;
        v2 = seed + Prime2;
        v3 = seed;
        v4 = seed - Prime1;
    }

    /// <summary>Runs the four lanes over whole 16-byte stripes; <paramref name="stripes"/> length is a multiple of 16.</summary>
    private static void ConsumeStripes(ReadOnlySpan<byte> stripes, ref uint v1, ref uint v2, ref uint v3, ref uint v4)
    {
        for (int offset = 0; offset < stripes.Length; offset += StripeSize)
        {
            ReadOnlySpan<byte> stripe = stripes.Slice(offset, StripeSize);
            v1 = Round(v1, BinaryPrimitives.ReadUInt32LittleEndian(stripe));
            v2 = Round(v2, BinaryPrimitives.ReadUInt32LittleEndian(stripe[4..]));
            v3 = Round(v3, BinaryPrimitives.ReadUInt32LittleEndian(stripe[8..]));
            v4 = Round(v4, BinaryPrimitives.ReadUInt32LittleEndian(stripe[12..]));
        }
    }

    private static uint Round(uint accumulator, uint lane) =>
        BitOperations.RotateLeft(accumulator + lane * Prime2, 13) * Prime1;

    /// <summary>Folds the lanes, the total length and the fewer than 16 trailing bytes into the hash.</summary>
    private static uint Finish(uint seed, uint v1, uint v2, uint v3, uint v4, ulong totalLength, ReadOnlySpan<byte> tail)
    {
        uint hash = totalLength >= StripeSize
            ? BitOperations.RotateLeft(v1, 1) + BitOperations.RotateLeft(v2, 7)
              + BitOperations.RotateLeft(v3, 12) + BitOperations.RotateLeft(v4, 18)
            : seed + Prime5;

        // XXH32 folds the length modulo 2^32.
        hash += (uint)totalLength;

        while (tail.Length >= 4)
        {
            hash += BinaryPrimitives.ReadUInt32LittleEndian(tail) * Prime3;
            hash = BitOperations.RotateLeft(hash, 17) * Prime4;
            tail = tail[4..];
        }

        foreach (byte b in tail)
        {
            hash += b * Prime5;
            hash = BitOperations.RotateLeft(hash, 11) * Prime1;
        }

        hash ^= hash >> 15;
        hash *= Prime2;
        hash ^= hash >> 13;
        hash *= Prime3;
        hash ^= hash >> 16;
        return hash;
    }
}

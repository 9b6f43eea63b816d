using System.Buffers.Binary;

namespace System.IO.Hashing;

/// <summary>
/// XXH3 with 64-bit output (XXH3_64bits). Byte forms are big-endian, xxHash's canonical
/// representation, like the System.IO.Hashing package.
/// </summary>
public sealed class XxHash3 : NonCryptographicHashAlgorithm
{
    private const int Size = sizeof(ulong);

    private readonly Xxh3StreamState _state;

    public XxHash3()
        : this(0)
    {
    }

    public XxHash3(long seed)
        : base(Size)
    {
        _state = new Xxh3StreamState((ulong)seed);
    }

    private XxHash3(Xxh3StreamState state)
        : base(Size)
    {
        _state = state;
    }

    public override void Append(ReadOnlySpan<byte> source) => _state.Append(source);

    public override void Reset() => _state.Reset();

    /// <summary>Returns an independent copy of this instance, including the data appended so far.</summary>
    public XxHash3 Clone() => new(_state.Clone());

    protected override void GetCurrentHashCore(Span<byte> destination) =>
        BinaryPrimitives.WriteUInt64BigEndian(destination, _state.Digest64());

    [CLSCompliant(false)]
    public ulong GetCurrentHashAsUInt64() => _state.Digest64();

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
    public static ulong HashToUInt64(ReadOnlySpan<byte> source, long seed = 0) => Xxh3.Hash64(source, (ulong)seed);
}

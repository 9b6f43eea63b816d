using System.Buffers.Binary;

namespace System.IO.Hashing;

/// <summary>
/// XXH3 with 128-bit output (XXH3_128bits). Byte forms are xxHash's canonical representation,
/// like the System.IO.Hashing package: the high 64 bits then the low 64 bits, each big-endian.
/// </summary>
public sealed class XxHash128 : NonCryptographicHashAlgorithm
{
    private const int Size = 16;

    private readonly Xxh3StreamState _state;

    public XxHash128()
        : this(0)
    {
    }

    public XxHash128(long seed)
        : base(Size)
    {
        _state = new Xxh3StreamState((ulong)seed);
    }

    private XxHash128(Xxh3StreamState state)
        : base(Size)
    {
        _state = state;
    }

    public override void Append(ReadOnlySpan<byte> source) => _state.Append(source);

    public override void Reset() => _state.Reset();

    /// <summary>Returns an independent copy of this instance, including the data appended so far.</summary>
    public XxHash128 Clone() => new(_state.Clone());

    protected override void GetCurrentHashCore(Span<byte> destination) => WriteCanonical(destination, _state.Digest128());

    [CLSCompliant(false)]
    public UInt128 GetCurrentHashAsUInt128() => _state.Digest128();

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
        WriteCanonical(hash, HashToUInt128(source, seed));
        return hash;
    }

    public static int Hash(ReadOnlySpan<byte> source, Span<byte> destination, long seed = 0)
    {
        if (destination.Length < Size)
        {
            ThrowDestinationTooShort();
        }

        WriteCanonical(destination, HashToUInt128(source, seed));
        return Size;
    }

    public static bool TryHash(ReadOnlySpan<byte> source, Span<byte> destination, out int bytesWritten, long seed = 0)
    {
        if (destination.Length < Size)
        {
            bytesWritten = 0;
            return false;
        }

        WriteCanonical(destination, HashToUInt128(source, seed));
        bytesWritten = Size;
        return true;
    }

    [CLSCompliant(false)]
    public static UInt128 HashToUInt128(ReadOnlySpan<byte> source, long seed = 0) => Xxh3.Hash128(source, (ulong)seed);

    private static void WriteCanonical(Span<byte> destination, UInt128 hash) =>
        BinaryPrimitives.WriteUInt128BigEndian(destination, hash);
}

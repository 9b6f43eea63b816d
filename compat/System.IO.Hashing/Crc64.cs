using System.Buffers.Binary;

namespace System.IO.Hashing;

/// <summary>
/// CRC-64 as defined by ECMA-182 (polynomial 0x42F0E1EBA9EA3693, not reflected, initial value
/// and final xor 0). Byte forms are big-endian, like the System.IO.Hashing package, because the
/// algorithm shifts most-significant bit first.
/// </summary>
public sealed class Crc64 : NonCryptographicHashAlgorithm
{
    private const ulong InitialState = 0UL;
    private const ulong Polynomial = 0x42F0_E1EB_A9EA_3693UL;
    private const int Size = sizeof(ulong);

    private static readonly ulong[] Table = BuildTable();

    private ulong _crc = InitialState;

    public Crc64()
        : base(Size)
    {
    }

    public override void Append(ReadOnlySpan<byte> source) => _crc = Update(_crc, source);

    public override void Reset() => _crc = InitialState;

    /// <summary>Returns an independent copy of this instance, including the data appended so far.</summary>
    public Crc64 Clone() => new() { _crc = _crc };

    protected override void GetCurrentHashCore(Span<byte> destination) =>
        BinaryPrimitives.WriteUInt64BigEndian(destination, _crc);

    protected override void GetHashAndResetCore(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, _crc);
        _crc = InitialState;
    }

    [CLSCompliant(false)]
    public ulong GetCurrentHashAsUInt64() => _crc;

    public static byte[] Hash(byte[] source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Hash(new ReadOnlySpan<byte>(source));
    }

    public static byte[] Hash(ReadOnlySpan<byte> source)
    {
        byte[] hash = new byte[Size];
        BinaryPrimitives.WriteUInt64BigEndian(hash, HashToUInt64(source));
        return hash;
    }

    public static int Hash(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (destination.Length < Size)
        {
            ThrowDestinationTooShort();
        }

        BinaryPrimitives.WriteUInt64BigEndian(destination, HashToUInt64(source));
        return Size;
    }

    public static bool TryHash(ReadOnlySpan<byte> source, Span<byte> destination, out int bytesWritten)
    {
        if (destination.Length < Size)
        {
            bytesWritten = 0;
            return false;
        }

        BinaryPrimitives.WriteUInt64BigEndian(destination, HashToUInt64(source));
        bytesWritten = Size;
        return true;
    }

    [CLSCompliant(false)]
    public static ulong HashToUInt64(ReadOnlySpan<byte> source) => Update(InitialState, source);

    private static ulong Update(ulong crc, ReadOnlySpan<byte> source)
    {
        ulong[] table = Table;
        foreach (byte b in source)
        {
            crc = table[(byte)(crc >> 56) ^ b] ^ (crc << 8);
        }

        return crc;
    }

    private static ulong[] BuildTable()
    {
        var table = new ulong[256];
        for (ulong i = 0; i < 256; i++)
        {
            ulong entry = i << 56;
            for (int bit = 0; bit < 8; bit++)
            {
                entry = (entry & (1UL << 63)) != 0 ? (entry << 1) ^ Polynomial : entry << 1;
            }

            table[i] = entry;
        }

        return table;
    }
}

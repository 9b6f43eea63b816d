using System.Buffers.Binary;

namespace System.IO.Hashing;

/// <summary>
/// CRC-32 as used by IEEE 802.3, zip and gzip (reflected polynomial 0xEDB88320, initial value
/// and final xor 0xFFFFFFFF). Byte forms are little-endian, like the System.IO.Hashing package.
/// </summary>
public sealed class Crc32 : NonCryptographicHashAlgorithm
{
    private const uint InitialState = 0xFFFF_FFFFu;
    private const uint ReflectedPolynomial = 0xEDB8_8320u;
    private const int Size = sizeof(uint);

    private static readonly uint[] Table = BuildTable();

    private uint _crc = InitialState;

    public Crc32()
        : base(Size)
    {
    }

    public override void Append(ReadOnlySpan<byte> source) => _crc = Update(_crc, source);

    public override void Reset() => _crc = InitialState;

    /// <summary>Returns an independent copy of this instance, including the data appended so far.</summary>
    public Crc32 Clone() => new() { _crc = _crc };

    protected override void GetCurrentHashCore(Span<byte> destination) =>
        BinaryPrimitives.WriteUInt32LittleEndian(destination, ~_crc);

    protected override void GetHashAndResetCore(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(destination, ~_crc);
        _crc = InitialState;
    }

    [CLSCompliant(false)]
    public uint GetCurrentHashAsUInt32() => ~_crc;

    public static byte[] Hash(byte[] source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Hash(new ReadOnlySpan<byte>(source));
    }

    public static byte[] Hash(ReadOnlySpan<byte> source)
    {
        byte[] hash = new byte[Size];
        BinaryPrimitives.WriteUInt32LittleEndian(hash, HashToUInt32(source));
        return hash;
    }

    public static int Hash(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (destination.Length < Size)
        {
            ThrowDestinationTooShort();
        }

        BinaryPrimitives.WriteUInt32LittleEndian(destination, HashToUInt32(source));
        return Size;
    }

    public static bool TryHash(ReadOnlySpan<byte> source, Span<byte> destination, out int bytesWritten)
    {
        if (destination.Length < Size)
        {
            bytesWritten = 0;
            return false;
        }

        BinaryPrimitives.WriteUInt32LittleEndian(destination, HashToUInt32(source));
        bytesWritten = Size;
        return true;
    }

    [CLSCompliant(false)]
    public static uint HashToUInt32(ReadOnlySpan<byte> source) => ~Update(InitialState, source);

    private static uint Update(uint crc, ReadOnlySpan<byte> source)
    {
        uint[] table = Table;
        foreach (byte b in source)
        {
            crc = table[(byte)crc ^ b] ^ (crc >> 8);
        }

        return crc;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            uint entry = i;
            for (int bit = 0; bit < 8; bit++)
            {
                entry = (entry & 1) != 0 ? (entry >> 1) ^ ReflectedPolynomial : entry >> 1;
            }

            table[i] = entry;
        }

        return table;
    }
}

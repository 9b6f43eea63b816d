using System.Buffers.Binary;
using System.Numerics;

namespace System.IO.Hashing;

/// <summary>
/// The XXH3 algorithm family shared by <see cref="XxHash3"/> (64-bit) and <see cref="XxHash128"/>,
/// written from the xxHash specification (doc/xxhash_spec.md in the xxHash repository).
/// Inputs of up to 240 bytes take dedicated short paths; longer inputs are consumed in
/// 64-byte stripes grouped into 1024-byte blocks.
/// </summary>
internal static class Xxh3
{
    public const ulong Prime32_1 = 0x9E37_79B1UL;
    public const ulong Prime32_2 = 0x85EB_CA77UL;
    public const ulong Prime32_3 = 0xC2B2_AE3DUL;
    public const ulong Prime64_1 = 0x9E37_79B1_85EB_CA87UL;
    public const ulong Prime64_2 = 0xC2B2_AE3D_27D4_EB4FUL;
    public const ulong Prime64_3 = 0x1656_67B1_9E37_79F9UL;
    public const ulong Prime64_4 = 0x85EB_CA77_C2B2_AE63UL;
    public const ulong Prime64_5 = 0x27D4_EB2F_1656_67C5UL;
    public const ulong PrimeMx1 = 0x1656_6791_9E37_79F9UL;
    public const ulong PrimeMx2 = 0x9FB2_1C65_1E98_DF25UL;

    public const int SecretLength = 192;
    public const int StripeLength = 64;
    public const int StripesPerBlock = (SecretLength - StripeLength) / 8;
    public const int AccumulatorCount = 8;
    public const int MidSizeMax = 240;

    private const int SecretConsumeRate = 8;
    private const int MidSizeStartOffset = 3;
    private const int MidSizeLastOffset = 17;
    private const int LastStripeSecretOffset = SecretLength - StripeLength - 7;
    private const int MergeSecretOffset = 11;

    /// <summary>The default 192-byte secret of the specification.</summary>
    public static ReadOnlySpan<byte> DefaultSecret =>
    [
        0xb8, 0xfe, 0x6c, 0x39, 0x23, 0xa4, 0x4b, 0xbe, 0x7c, 0x01, 0x81, 0x2c, 0xf7, 0x21, 0xad, 0x1c,
        0xde, 0xd4, 0x6d, 0xe9, 0x83, 0x90, 0x97, 0xdb, 0x72, 0x40, 0xa4, 0xa4, 0xb7, 0xb3, 0x67, 0x1f,
        0xcb, 0x79, 0xe6, 0x4e, 0xcc, 0xc0, 0xe5, 0x78, 0x82, 0x5a, 0xd0, 0x7d, 0xcc, 0xff, 0x72, 0x21,
        0xb8, 0x08, 0x46, 0x74, 0xf7, 0x43, 0x24, 0x8e, 0xe0, 0x35, 0x90, 0xe6, 0x81, 0x3a, 0x26, 0x4c,
        0x3c, 0x28, 0x52, 0xbb, 0x91, 0xc3, 0x00, 0xcb, 0x88, 0xd0, 0x65, 0x8b, 0x1b, 0x53, 0x2e, 0xa3,
        0x71, 0x64, 0x48, 0x97, 0xa2, 0x0d, 0xf9, 0x4e, 0x38, 0x19, 0xef, 0x46, 0xa9, 0xde, 0xac, 0xd8,
        0xa8, 0xfa, 0x76, 0x3f, 0xe3, 0x9c, 0x34, 0x3f, 0xf9, 0xdc, 0xbb, 0xc7, 0xc7, 0x0b, 0x4f, 0x1d,
        0x8a, 0x51, 0xe0, 0x4b, 0xcd, 0xb4, 0x59, 0x31, 0xc8, 0x9f, 0x7e, 0xc9, 0xd9, 0x78, 0x73, 0x64,
        0xea, 0xc5, 0xac, 0x83, 0x34, 0xd3, 0xeb, 0xc3, 0xc5, 0x81, 0xa0, 0xff, 0xfa, 0x13, 0x63, 0xeb,
        0x17, 0x0d, 0xdd, 0x51, 0xb7, 0xf0, 0xda, 0x49, 0xd3, 0x16, 0x55, 0x26, 0x29, 0xd4, 0x68, 0x9e,
        0x2b, 0x16, 0xbe, 0x58, 0x7d, 0x47, 0xa1, 0xfc, 0x8f, 0xf8, 0xb8, 0xd1, 0x7a, 0xd0, 0x31, 0xce,
        0x45, 0xcb, 0x3a, 0x8f, 0x95, 0x16, 0x04, 0x28, 0xaf, 0xd7, 0xfb, 0xca, 0xbb, 0x4b, 0x40, 0x7e,
    ];

    /// <summary>
    /// The secret used for inputs over 240 bytes: the default secret with the seed added to
    /// the even 64-bit words and subtracted from the odd ones.
    /// </summary>
    public static byte[] SecretForSeed(ulong seed)
    {
        byte[] secret = DefaultSecret.ToArray();
        for (int offset = 0; offset < SecretLength; offset += 16)
        {
            Span<byte> pair = secret.AsSpan(offset, 16);
            BinaryPrimitives.WriteUInt64LittleEndian(pair, Read64(pair) + seed);
            BinaryPrimitives.WriteUInt64LittleEndian(pair[8..], Read64(pair[8..]) - seed);
        }

        return secret;
    }

    public static void InitAccumulators(Span<ulong> acc)
    {
        acc[0] = Prime32_3;
        acc[1] = Prime64_1;
        acc[2] = Prime64_2;
        acc[3] = Prime64_3;
        acc[4] = Prime64_4;
        acc[5] = Prime32_2;
        acc[6] = Prime64_5;
        acc[7] = Prime32_1;
    }

    // ---- 64-bit output -------------------------------------------------------------------

    public static ulong Hash64(ReadOnlySpan<byte> input, ulong seed)
    {
        if (input.Length <= 16)
        {
            return Hash64UpTo16(input, DefaultSecret, seed);
        }

        if (input.Length <= 128)
        {
            return Hash64UpTo128(input, DefaultSecret, seed);
        }

        if (input.Length <= MidSizeMax)
        {
            return Hash64UpTo240(input, DefaultSecret, seed);
        }

        ReadOnlySpan<byte> secret = seed == 0 ? DefaultSecret : SecretForSeed(seed);
        Span<ulong> acc = stackalloc ulong[AccumulatorCount];
        AccumulateLong(acc, input, secret);
        return Merge64(acc, secret, (ulong)input.Length);
    }

    /// <summary>The 64-bit result of accumulators that have consumed every stripe of an input over 240 bytes.</summary>
    public static ulong Merge64(ReadOnlySpan<ulong> acc, ReadOnlySpan<byte> secret, ulong length) =>
        MergeAccumulators(acc, secret[MergeSecretOffset..], length * Prime64_1);

    private static ulong Hash64UpTo16(ReadOnlySpan<byte> input, ReadOnlySpan<byte> secret, ulong seed)
    {
        int length = input.Length;
        if (length > 8)
        {
            ulong low = Read64(input) ^ ((Read64(secret[24..]) ^ Read64(secret[32..])) + seed);
            ulong high = Read64(input[(length - 8)..]) ^ ((Read64(secret[40..]) ^ Read64(secret[48..])) - seed);
            ulong acc = (ulong)length + BinaryPrimitives.ReverseEndianness(low) + high + MultiplyFold(low, high);
            return Avalanche(acc);
        }

        if (length >= 4)
        {
            ulong modifiedSeed = seed ^ ((ulong)BinaryPrimitives.ReverseEndianness((uint)seed) << 32);
            ulong first = Read32(input);
            ulong last = Read32(input[(length - 4)..]);
            ulong keyed = (last + (first << 32)) ^ ((Read64(secret[8..]) ^ Read64(secret[16..])) - modifiedSeed);
            return RotateMultiplyXorShift(keyed, (ulong)length);
        }

        if (length > 0)
        {
            ulong keyed = CombineOneToThree(input) ^ ((Read32(secret) ^ Read32(secret[4..])) + seed);
            return AvalancheXxh64(keyed);
        }

        return AvalancheXxh64(seed ^ Read64(secret[56..]) ^ Read64(secret[64..]));
    }

    private static ulong Hash64UpTo128(ReadOnlySpan<byte> input, ReadOnlySpan<byte> secret, ulong seed)
    {
        int length = input.Length;
        ulong acc = (ulong)length * Prime64_1;
        int rounds = ((length - 1) >> 5) + 1;
        for (int i = rounds - 1; i >= 0; i--)
        {
            acc += Mix16(input[(i * 16)..], secret[(i * 32)..], seed);
            acc += Mix16(input[(length - 16 - i * 16)..], secret[(i * 32 + 16)..], seed);
        }

        return Avalanche(acc);
    }

    private static ulong Hash64UpTo240(ReadOnlySpan<byte> input, ReadOnlySpan<byte> secret, ulong seed)
    {
        int length = input.Length;
        ulong acc = (ulong)length * Prime64_1;
        for (int i = 0; i < 8; i++)
        {
            acc += Mix16(input[(i * 16)..], secret[(i * 16)..], seed);
        }

        acc = Avalanche(acc);
        int chunks = length >> 4;
        for (int i = 8; i < chunks; i++)
        {
            acc += Mix16(input[(i * 16)..], secret[((i - 8) * 16 + MidSizeStartOffset)..], seed);
        }

        acc += Mix16(input[(length - 16)..], secret[(136 - MidSizeLastOffset)..], seed);
        return Avalanche(acc);
    }

    // ---- 128-bit output ------------------------------------------------------------------

    public static UInt128 Hash128(ReadOnlySpan<byte> input, ulong seed)
    {
        if (input.Length <= 16)
        {
            return Hash128UpTo16(input, DefaultSecret, seed);
        }

        if (input.Length <= 128)
        {
            return Hash128UpTo128(input, DefaultSecret, seed);
        }

        if (input.Length <= MidSizeMax)
        {
            return Hash128UpTo240(input, DefaultSecret, seed);
        }

        ReadOnlySpan<byte> secret = seed == 0 ? DefaultSecret : SecretForSeed(seed);
        Span<ulong> acc = stackalloc ulong[AccumulatorCount];
        AccumulateLong(acc, input, secret);
        return Merge128(acc, secret, (ulong)input.Length);
    }

    /// <summary>The 128-bit result of accumulators that have consumed every stripe of an input over 240 bytes.</summary>
    public static UInt128 Merge128(ReadOnlySpan<ulong> acc, ReadOnlySpan<byte> secret, ulong length)
    {
        ulong low = MergeAccumulators(acc, secret[MergeSecretOffset..], length * Prime64_1);
        ulong high = MergeAccumulators(acc, secret[(SecretLength - StripeLength - MergeSecretOffset)..], ~(length * Prime64_2));
        return new UInt128(high, low);
    }

    private static UInt128 Hash128UpTo16(ReadOnlySpan<byte> input, ReadOnlySpan<byte> secret, ulong seed)
    {
        int length = input.Length;
        if (length > 8)
        {
            ulong first = Read64(input);
            ulong last = Read64(input[(length - 8)..]);
            ulong keyedLow = first ^ last ^ ((Read64(secret[32..]) ^ Read64(secret[40..])) - seed);
            ulong keyedHigh = last ^ ((Read64(secret[48..]) ^ Read64(secret[56..])) + seed);

            ulong mulHigh = Math.BigMul(keyedLow, Prime64_1, out ulong mulLow);
            mulLow += (ulong)(length - 1) << 54;
            mulHigh += keyedHigh + (uint)keyedHigh * (Prime32_2 - 1);
            mulLow ^= BinaryPrimitives.ReverseEndianness(mulHigh);

            ulong high = Math.BigMul(mulLow, Prime64_2, out ulong low);
            high += mulHigh * Prime64_2;
            return new UInt128(Avalanche(high), Avalanche(low));
        }

        if (length >= 4)
        {
            ulong modifiedSeed = seed ^ ((ulong)BinaryPrimitives.ReverseEndianness((uint)seed) << 32);
            ulong first = Read32(input);
            ulong last = Read32(input[(length - 4)..]);
            ulong keyed = (first + (last << 32)) ^ ((Read64(secret[16..]) ^ Read64(secret[24..])) + modifiedSeed);

            ulong high = Math.BigMul(keyed, Prime64_1 + ((ulong)length << 2), out ulong low);
            high += low << 1;
            low ^= high >> 3;
            low ^= low >> 35;
            low *= PrimeMx2;
            low ^= low >> 28;
            return new UInt128(Avalanche(high), low);
        }

        if (length > 0)
        {
            uint combined = CombineOneToThree(input);
            uint combinedHigh = BitOperations.RotateLeft(BinaryPrimitives.ReverseEndianness(combined), 13);
            ulong keyedLow = combined ^ ((Read32(secret) ^ Read32(secret[4..])) + seed);
            ulong keyedHigh = combinedHigh ^ ((Read32(secret[8..]) ^ Read32(secret[12..])) - seed);
            return new UInt128(AvalancheXxh64(keyedHigh), AvalancheXxh64(keyedLow));
        }

        return new UInt128(
            AvalancheXxh64(seed ^ Read64(secret[80..]) ^ Read64(secret[88..])),
            AvalancheXxh64(seed ^ Read64(secret[64..]) ^ Read64(secret[72..])));
    }

    private static UInt128 Hash128UpTo128(ReadOnlySpan<byte> input, ReadOnlySpan<byte> secret, ulong seed)
    {
        int length = input.Length;
        ulong accLow = (ulong)length * Prime64_1;
        ulong accHigh = 0;
        int rounds = ((length - 1) >> 5) + 1;
        for (int i = rounds - 1; i >= 0; i--)
        {
            MixTwoChunks(ref accLow, ref accHigh, input[(i * 16)..], input[(length - 16 - i * 16)..], secret[(i * 32)..], seed);
        }

        return FinishMidSize128(accLow, accHigh, length, seed);
    }

    private static UInt128 Hash128UpTo240(ReadOnlySpan<byte> input, ReadOnlySpan<byte> secret, ulong seed)
    {
        int length = input.Length;
        ulong accLow = (ulong)length * Prime64_1;
        ulong accHigh = 0;
        for (int i = 0; i < 4; i++)
        {
            MixTwoChunks(ref accLow, ref accHigh, input[(i * 32)..], input[(i * 32 + 16)..], secret[(i * 32)..], seed);
        }

        accLow = Avalanche(accLow);
        accHigh = Avalanche(accHigh);
        int chunks = length >> 5;
        for (int i = 4; i < chunks; i++)
        {
            MixTwoChunks(ref accLow, ref accHigh, input[(i * 32)..], input[(i * 32 + 16)..],
                secret[((i - 4) * 32 + MidSizeStartOffset)..], seed);
        }

        // The last 32 bytes go in with their halves swapped and the seed negated.
        MixTwoChunks(ref accLow, ref accHigh, input[(length - 16)..], input[(length - 32)..],
            secret[(136 - MidSizeLastOffset - 16)..], 0UL - seed);
        return FinishMidSize128(accLow, accHigh, length, seed);
    }

    private static void MixTwoChunks(
        ref ulong accLow, ref ulong accHigh, ReadOnlySpan<byte> first, ReadOnlySpan<byte> second,
        ReadOnlySpan<byte> secret, ulong seed)
    {
        accLow += Mix16(first, secret, seed);
        accLow ^= Read64(second) + Read64(second[8..]);
        accHigh += Mix16(second, secret[16..], seed);
        accHigh ^= Read64(first) + Read64(first[8..]);
    }

    private static UInt128 FinishMidSize128(ulong accLow, ulong accHigh, int length, ulong seed)
    {
        ulong low = accLow + accHigh;
        ulong high = accLow * Prime64_1 + accHigh * Prime64_4 + ((ulong)length - seed) * Prime64_2;
        return new UInt128(0UL - Avalanche(high), Avalanche(low));
    }

    // ---- inputs over 240 bytes -----------------------------------------------------------

    /// <summary>One-shot accumulation of a long input: every stripe but the last, then the final 64 bytes.</summary>
    private static void AccumulateLong(Span<ulong> acc, ReadOnlySpan<byte> input, ReadOnlySpan<byte> secret)
    {
        InitAccumulators(acc);
        int stripes = (input.Length - 1) / StripeLength;
        int stripesInBlock = 0;
        ConsumeStripes(acc, input[..(stripes * StripeLength)], secret, ref stripesInBlock);
        AccumulateLastStripe(acc, input[^StripeLength..], secret);
    }

    /// <summary>
    /// Accumulates whole stripes, scrambling after each completed block. <paramref name="stripesInBlock"/>
    /// carries the position within the current block between calls, so streaming equals one-shot.
    /// </summary>
    public static void ConsumeStripes(Span<ulong> acc, ReadOnlySpan<byte> stripes, ReadOnlySpan<byte> secret, ref int stripesInBlock)
    {
        for (int offset = 0; offset < stripes.Length; offset += StripeLength)
        {
            Accumulate(acc, stripes.Slice(offset, StripeLength), secret[(stripesInBlock * SecretConsumeRate)..]);
            if (++stripesInBlock == StripesPerBlock)
            {
                Scramble(acc, secret[(SecretLength - StripeLength)..]);
                stripesInBlock = 0;
            }
        }
    }

    public static void AccumulateLastStripe(Span<ulong> acc, ReadOnlySpan<byte> lastStripe, ReadOnlySpan<byte> secret) =>
        Accumulate(acc, lastStripe, secret[LastStripeSecretOffset..]);

    private static void Accumulate(Span<ulong> acc, ReadOnlySpan<byte> stripe, ReadOnlySpan<byte> secret)
    {
        for (int lane = 0; lane < AccumulatorCount; lane++)
        {
            ulong data = Read64(stripe[(lane * 8)..]);
            ulong keyed = data ^ Read64(secret[(lane * 8)..]);
            acc[lane ^ 1] += data;
            acc[lane] += (keyed & 0xFFFF_FFFFUL) * (keyed >> 32);
        }
    }

    private static void Scramble(Span<ulong> acc, ReadOnlySpan<byte> secret)
    {
        for (int lane = 0; lane < AccumulatorCount; lane++)
        {
            ulong value = acc[lane];
            value ^= value >> 47;
            value ^= Read64(secret[(lane * 8)..]);
            acc[lane] = value * Prime32_1;
        }
    }

    private static ulong MergeAccumulators(ReadOnlySpan<ulong> acc, ReadOnlySpan<byte> secret, ulong start)
    {
        ulong result = start;
        for (int pair = 0; pair < 4; pair++)
        {
            result += MultiplyFold(acc[2 * pair] ^ Read64(secret[(16 * pair)..]), acc[2 * pair + 1] ^ Read64(secret[(16 * pair + 8)..]));
        }

        return Avalanche(result);
    }

    // ---- mixing primitives ---------------------------------------------------------------

    private static ulong Mix16(ReadOnlySpan<byte> input, ReadOnlySpan<byte> secret, ulong seed) =>
        MultiplyFold(Read64(input) ^ (Read64(secret) + seed), Read64(input[8..]) ^ (Read64(secret[8..]) - seed));

    /// <summary>Multiplies into a 128-bit product and xors its halves.</summary>
    private static ulong MultiplyFold(ulong left, ulong right)
    {
        ulong high = Math.BigMul(left, right, out ulong low);
        return low ^ high;
    }

    /// <summary>The 1-3 byte input packed as: last byte, length, first byte, middle byte (low to high).</summary>
    private static uint CombineOneToThree(ReadOnlySpan<byte> input) =>
        input[^1] | ((uint)input.Length << 8) | ((uint)input[0] << 16) | ((uint)input[input.Length >> 1] << 24);

    private static ulong Avalanche(ulong value)
    {
        value ^= value >> 37;
        value *= PrimeMx1;
        return value ^ (value >> 32);
    }

    private static ulong AvalancheXxh64(ulong value)
    {
        value ^= value >> 33;
        value *= Prime64_2;
        value ^= value >> 29;
        value *= Prime64_3;
        return value ^ (value >> 32);
    }

    private static ulong RotateMultiplyXorShift(ulong value, ulong length)
    {
        value ^= BitOperations.RotateLeft(value, 49) ^ BitOperations.RotateLeft(value, 24);
        value *= PrimeMx2;
        value ^= (value >> 35) + length;
        value *= PrimeMx2;
        return value ^ (value >> 28);
    }

    private static ulong Read64(ReadOnlySpan<byte> source) => BinaryPrimitives.ReadUInt64LittleEndian(source);

    private static uint Read32(ReadOnlySpan<byte> source) => BinaryPrimitives.ReadUInt32LittleEndian(source);
}

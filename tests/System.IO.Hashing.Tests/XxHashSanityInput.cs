namespace System.IO.Hashing.Tests;

/// <summary>
/// The input of xxHash's own sanity check (XSUM_fillTestBuffer in cli/xsum_sanity_check.c of
/// github.com/Cyan4973/xxHash): byte i is the top byte of PRIME32 * PRIME64^i (mod 2^64).
/// Its published vectors hash the first <c>len</c> bytes of a 2367-byte buffer.
/// </summary>
internal static class XxHashSanityInput
{
    public const uint Prime32 = 2654435761u;
    public const ulong Prime64 = 11400714785074694797ul;

    private static readonly byte[] Buffer = Fill(2367);

    public static byte[] Prefix(int length) => Buffer[..length];

    private static byte[] Fill(int length)
    {
        var buffer = new byte[length];
        ulong generator = Prime32;
        for (int i = 0; i < length; i++)
        {
            buffer[i] = (byte)(generator >> 56);
            generator *= Prime64;
        }

        return buffer;
    }
}

using System.Buffers.Binary;
using System.Text;

namespace System.IO.Hashing.Tests;

public class Crc32Tests
{
    // "check" is the CRC of "123456789" in the CRC RevEng catalogue (reveng.sourceforge.io),
    // entry CRC-32/ISO-HDLC; the others are the widely quoted CRC-32 (zlib crc32) of each text.
    public static TheoryData<string, uint> KnownAnswers => new()
    {
        { "", 0x00000000u },
        { "a", 0xE8B7BE43u },
        { "123456789", 0xCBF43926u },
        { "The quick brown fox jumps over the lazy dog", 0x414FA339u },
    };

    [Theory]
    [MemberData(nameof(KnownAnswers))]
    public void Crc_of_known_text_matches_the_catalogue(string text, uint expected)
    {
        byte[] input = Encoding.ASCII.GetBytes(text);

        Assert.Equal(expected, Crc32.HashToUInt32(input));

        var instance = new Crc32();
        instance.Append(input);
        Assert.Equal(expected, instance.GetCurrentHashAsUInt32());
    }

    [Fact]
    public void Byte_forms_are_the_little_endian_encoding_of_the_numeric_crc()
    {
        byte[] expected = [0x26, 0x39, 0xF4, 0xCB];
        byte[] input = "123456789"u8.ToArray();

        Assert.Equal(expected, Crc32.Hash(input));
        Assert.Equal(expected, Crc32.Hash((ReadOnlySpan<byte>)input));

        var destination = new byte[4];
        Assert.Equal(4, Crc32.Hash(input, destination));
        Assert.Equal(expected, destination);

        var instance = new Crc32();
        instance.Append(input);
        Assert.Equal(expected, instance.GetCurrentHash());
    }

    [Fact]
    public void Appending_the_crc_of_a_message_to_it_gives_the_fixed_residue()
    {
        // With little-endian output, CRC(message ++ CRC(message)) is a constant, 0x2144DF1C.
        byte[] message = XxHashSanityInput.Prefix(1000);
        byte[] withCrc = [.. message, .. Crc32.Hash(message)];

        Assert.Equal(0x2144DF1Cu, Crc32.HashToUInt32(withCrc));
    }
}

using System.Buffers.Binary;
using System.Text;

namespace System.IO.Hashing.Tests;

public class Crc64Tests
{
    // "check" is the CRC of "123456789" in the CRC RevEng catalogue (reveng.sourceforge.io),
    // entry CRC-64/ECMA-182: polynomial 0x42F0E1EBA9EA3693, not reflected, init and xorout 0.
    [Fact]
    public void Crc_of_123456789_matches_the_catalogue_check_value()
    {
        byte[] input = "123456789"u8.ToArray();

        Assert.Equal(0x6C40DF5F0B497347ul, Crc64.HashToUInt64(input));

        var instance = new Crc64();
        instance.Append(input);
        Assert.Equal(0x6C40DF5F0B497347ul, instance.GetCurrentHashAsUInt64());
    }

    [Fact]
    public void Crc_of_empty_input_is_zero()
    {
        Assert.Equal(0ul, Crc64.HashToUInt64([]));
    }

    [Fact]
    public void Byte_forms_are_the_big_endian_encoding_of_the_numeric_crc()
    {
        // The real package writes CRC-64 big-endian (it shifts most-significant bit first),
        // unlike CRC-32.
        byte[] expected = [0x6C, 0x40, 0xDF, 0x5F, 0x0B, 0x49, 0x73, 0x47];
        byte[] input = Encoding.ASCII.GetBytes("123456789");

        Assert.Equal(expected, Crc64.Hash(input));
        Assert.Equal(expected, Crc64.Hash((ReadOnlySpan<byte>)input));

        var destination = new byte[8];
        Assert.Equal(8, Crc64.Hash(input, destination));
        Assert.Equal(expected, destination);

        var instance = new Crc64();
        instance.Append(input);
        Assert.Equal(expected, instance.GetCurrentHash());
    }

    [Fact]
    public void Appending_the_crc_of_a_message_to_it_gives_a_zero_residue()
    {
        byte[] message = XxHashSanityInput.Prefix(1000);
        byte[] withCrc = [.. message, .. Crc64.Hash(message)];

        Assert.Equal(0ul, Crc64.HashToUInt64(withCrc));
        Assert.Equal(BinaryPrimitives.ReadUInt64BigEndian(Crc64.Hash(message)), Crc64.HashToUInt64(message));
    }
}

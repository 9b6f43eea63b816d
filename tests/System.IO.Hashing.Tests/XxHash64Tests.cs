using System.Buffers.Binary;
using System.Text;

namespace System.IO.Hashing.Tests;

public class XxHash64Tests
{
    private const long SeedPrime32 = XxHashSanityInput.Prime32;

    // XSUM_XXH64_testdata in cli/xsum_sanity_check.c of github.com/Cyan4973/xxHash.
    public static TheoryData<int, long, ulong> SanityVectors => new()
    {
        { 0, 0, 0xEF46DB3751D8E999ul },
        { 0, SeedPrime32, 0xAC75FDA2929B17EFul },
        { 1, 0, 0xE934A84ADB052768ul },
        { 1, SeedPrime32, 0x5014607643A9B4C3ul },
        { 4, 0, 0x9136A0DCA57457EEul },
        { 14, 0, 0x8282DCC4994E35C8ul },
        { 14, SeedPrime32, 0xC3BD6BF63DEB6DF0ul },
        { 222, 0, 0xB641AE8CB691C174ul },
        { 222, SeedPrime32, 0x20CB8AB7AE10C14Aul },
    };

    // The first three from asecuritysite.com/encryption/xxHash, the others from the tool-generated
    // cases in dotnet/runtime's src/libraries/System.IO.Hashing/tests/XxHash64Tests.cs.
    public static TheoryData<string, ulong> StringVectors => new()
    {
        { "Nobody inspects the spammish repetition", 0xFBCEA83C8A378BF1ul },
        { "The quick brown fox jumps over the lazy dog", 0x0B242D361FDA71BCul },
        { "The quick brown fox jumps over the lazy dog.", 0x44AD33705751AD73ul },
        { "abc", 0x44BC2CF5AD770999ul },
        { "1234567890123456789012345678901234567890", 0x5F3AF5E23EEB431Dul },
        { "12345678901234567890123456789012345678901234", 0xCA5C1B5B9061279Ful },
        { ".NET now has non-crypto hashing", 0xD8444D7806DFDE0Eul },
    };

    [Theory]
    [MemberData(nameof(SanityVectors))]
    public void Hashes_of_the_xxhash_sanity_input_match_the_published_vectors(int length, long seed, ulong expected)
    {
        byte[] input = XxHashSanityInput.Prefix(length);

        Assert.Equal(expected, XxHash64.HashToUInt64(input, seed));

        var instance = new XxHash64(seed);
        foreach (byte b in input)
        {
            instance.Append([b]);
        }

        Assert.Equal(expected, instance.GetCurrentHashAsUInt64());
    }

    [Theory]
    [MemberData(nameof(StringVectors))]
    public void Hashes_of_known_strings_match_published_values(string text, ulong expected)
    {
        byte[] input = Encoding.ASCII.GetBytes(text);

        Assert.Equal(expected, XxHash64.HashToUInt64(input));
        // Yarp.ReverseProxy calls exactly this overload.
        Assert.Equal(expected, BinaryPrimitives.ReadUInt64BigEndian(XxHash64.Hash(input)));
    }

    [Fact]
    public void Omitting_the_seed_is_the_same_as_seed_zero()
    {
        byte[] input = XxHashSanityInput.Prefix(100);

        Assert.Equal(XxHash64.Hash(input, 0), XxHash64.Hash(input));
        Assert.Equal(new XxHash64(0).GetCurrentHash(), new XxHash64().GetCurrentHash());
    }

    [Fact]
    public void Byte_forms_are_the_big_endian_encoding_of_the_numeric_hash()
    {
        byte[] input = XxHashSanityInput.Prefix(222);
        ulong numeric = XxHash64.HashToUInt64(input, SeedPrime32);
        var expected = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(expected, numeric);

        Assert.Equal(expected, XxHash64.Hash(input, SeedPrime32));
        Assert.Equal(expected, XxHash64.Hash((ReadOnlySpan<byte>)input, SeedPrime32));

        var destination = new byte[8];
        Assert.Equal(8, XxHash64.Hash(input, destination, SeedPrime32));
        Assert.Equal(expected, destination);

        var instance = new XxHash64(SeedPrime32);
        instance.Append(input);
        Assert.Equal(expected, instance.GetCurrentHash());
    }
}

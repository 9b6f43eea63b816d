using System.Buffers.Binary;
using System.Text;

namespace System.IO.Hashing.Tests;

public class XxHash3Tests
{
    private const long SeedPrime64 = unchecked((long)XxHashSanityInput.Prime64);

    // XSUM_XXH3_testdata (XXH3_64bits, seeded) in cli/xsum_sanity_check.c of
    // github.com/Cyan4973/xxHash; the lengths cover every length class of the algorithm.
    public static TheoryData<int, long, ulong> SanityVectors => new()
    {
        { 0, 0, 0x2D06800538D394C2ul },
        { 0, SeedPrime64, 0xA8A6B918B2F0364Aul },
        { 1, 0, 0xC44BDFF4074EECDBul },
        { 1, SeedPrime64, 0x032BE332DD766EF8ul },
        { 6, 0, 0x27B56A84CD2D7325ul },
        { 6, SeedPrime64, 0x84589C116AB59AB9ul },
        { 12, 0, 0xA713DAF0DFBB77E7ul },
        { 12, SeedPrime64, 0xE7303E1B2336DE0Eul },
        { 24, 0, 0xA3FE70BF9D3510EBul },
        { 24, SeedPrime64, 0x850E80FC35BDD690ul },
        { 48, 0, 0x397DA259ECBA1F11ul },
        { 48, SeedPrime64, 0xADC2CBAA44ACC616ul },
        { 80, 0, 0xBCDEFBBB2C47C90Aul },
        { 80, SeedPrime64, 0xC6DD0CB699532E73ul },
        { 195, 0, 0xCD94217EE362EC3Aul },
        { 195, SeedPrime64, 0xBA68003D370CB3D9ul },
        { 403, 0, 0xCDEB804D65C6DEA4ul },
        { 403, SeedPrime64, 0x6259F6ECFD6443FDul },
        { 512, 0, 0x617E49599013CB6Bul },
        { 512, SeedPrime64, 0x3CE457DE14C27708ul },
        { 2048, 0, 0xDD59E2C3A5F038E0ul },
        { 2048, SeedPrime64, 0x66F81670669ABABCul },
        { 2099, 0, 0xC6B9D9B3FC9AC765ul },
        { 2099, SeedPrime64, 0x184F316843663974ul },
        { 2240, 0, 0x6E73A90539CF2948ul },
        { 2240, SeedPrime64, 0x757BA8487D1B5247ul },
        { 2367, 0, 0xCB37AEB9E5D361EDul },
        { 2367, SeedPrime64, 0xD2DB3415B942B42Aul },
    };

    // A sample of the tool-generated cases, most with large seeds, in dotnet/runtime's
    // src/libraries/System.IO.Hashing/tests/XxHash3Tests.cs.
    public static TheoryData<string, long, ulong> StringVectors => new()
    {
        { "Z", 0, 0x2753D05A8F320003ul },
        { "f", 0x5A7A3A6DD84A445F, 0x826ED41A6E3413F3ul },
        { "HA", 0x27F065E4850461F5, 0x30A9330B3DE18584ul },
        { "kLi", 0x6F3502011F621A64, 0xF917A1F0983DAC91ul },
        { "E27wiW", 0x4EF78AD67D7E2C8F, 0x96512F40427E1AC0ul },
        { "SsNiqNqBf", 0x70CB1CD220FE3A09, 0xED6CFA6CF621B996ul },
        { "fcuQxJ1a7XHWjOak", 0x27EA2FD22273F024, 0x0429AF28BC6F6FFBul },
        { "ZJaCUfU0OXHoLCEfw", 0x1E18B9A7C8F02D7D, 0x4C0AC7AFE9A5226Cul },
        { "aGfZbBNKvUGfWCu34gub", 0x55BABD76A130F515, 0x057B70E73F6FEEEBul },
    };

    [Theory]
    [MemberData(nameof(SanityVectors))]
    public void Hashes_of_the_xxhash_sanity_input_match_the_published_vectors(int length, long seed, ulong expected)
    {
        byte[] input = XxHashSanityInput.Prefix(length);

        Assert.Equal(expected, XxHash3.HashToUInt64(input, seed));

        var byteAtATime = new XxHash3(seed);
        foreach (byte b in input)
        {
            byteAtATime.Append([b]);
        }

        Assert.Equal(expected, byteAtATime.GetCurrentHashAsUInt64());

        var allAtOnce = new XxHash3(seed);
        allAtOnce.Append(input);
        Assert.Equal(expected, allAtOnce.GetCurrentHashAsUInt64());
    }

    [Theory]
    [MemberData(nameof(StringVectors))]
    public void Hashes_of_known_strings_match_published_values(string text, long seed, ulong expected)
    {
        byte[] input = Encoding.ASCII.GetBytes(text);

        Assert.Equal(expected, XxHash3.HashToUInt64(input, seed));
        Assert.Equal(expected, BinaryPrimitives.ReadUInt64BigEndian(XxHash3.Hash(input, seed)));
    }

    [Fact]
    public void Omitting_the_seed_is_the_same_as_seed_zero()
    {
        byte[] input = XxHashSanityInput.Prefix(300);

        Assert.Equal(XxHash3.Hash(input, 0), XxHash3.Hash(input));
        Assert.Equal(new XxHash3(0).GetCurrentHash(), new XxHash3().GetCurrentHash());
    }

    [Fact]
    public void Byte_forms_are_the_big_endian_encoding_of_the_numeric_hash()
    {
        byte[] input = XxHashSanityInput.Prefix(2099);
        ulong numeric = XxHash3.HashToUInt64(input, SeedPrime64);
        var expected = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(expected, numeric);

        Assert.Equal(expected, XxHash3.Hash(input, SeedPrime64));
        Assert.Equal(expected, XxHash3.Hash((ReadOnlySpan<byte>)input, SeedPrime64));

        var destination = new byte[8];
        Assert.Equal(8, XxHash3.Hash(input, destination, SeedPrime64));
        Assert.Equal(expected, destination);

        var instance = new XxHash3(SeedPrime64);
        instance.Append(input);
        Assert.Equal(expected, instance.GetCurrentHash());
    }
}

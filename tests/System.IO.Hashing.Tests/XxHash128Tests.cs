using System.Buffers.Binary;
using System.Text;

namespace System.IO.Hashing.Tests;

public class XxHash128Tests
{
    private const long SeedPrime32 = XxHashSanityInput.Prime32;
    private const long SeedPrime64 = unchecked((long)XxHashSanityInput.Prime64);

    // XSUM_XXH128_testdata (XXH3_128bits, seeded) in cli/xsum_sanity_check.c of
    // github.com/Cyan4973/xxHash, given there as { low64, high64 }.
    public static TheoryData<int, long, ulong, ulong> SanityVectors => new()
    {
        { 0, 0, 0x6001C324468D497Ful, 0x99AA06D3014798D8ul },
        { 0, SeedPrime32, 0x5444F7869C671AB0ul, 0x92220AE55E14AB50ul },
        { 1, 0, 0xC44BDFF4074EECDBul, 0xA6CD5E9392000F6Aul },
        { 1, SeedPrime32, 0xB53D5557E7F76F8Dul, 0x89B99554BA22467Cul },
        { 6, 0, 0x3E7039BDDA43CFC6ul, 0x082AFE0B8162D12Aul },
        { 6, SeedPrime32, 0x269D8F70BE98856Eul, 0x5A865B5389ABD2B1ul },
        { 12, 0, 0x061A192713F69AD9ul, 0x6E3EFD8FC7802B18ul },
        { 12, SeedPrime32, 0x9BE9F9A67F3C7DFBul, 0xD7E09D518A3405D3ul },
        { 24, 0, 0x1E7044D28B1B901Dul, 0x0CE966E4678D3761ul },
        { 24, SeedPrime32, 0xD7304C54EBAD40A9ul, 0x3162026714A6A243ul },
        { 48, 0, 0xF942219AED80F67Bul, 0xA002AC4E5478227Eul },
        { 48, SeedPrime32, 0x7BA3C3E453A1934Eul, 0x163ADDE36C072295ul },
        { 81, 0, 0x5E8BAFB9F95FB803ul, 0x4952F58181AB0042ul },
        { 81, SeedPrime32, 0x703FBB3D7A5F755Cul, 0x2724EC7ADC750FB6ul },
        { 222, 0, 0xF1AEBD597CEC6B3Aul, 0x337E09641B948717ul },
        { 222, SeedPrime32, 0xAE995BB8AF917A8Dul, 0x91820016621E97F1ul },
        { 403, 0, 0xCDEB804D65C6DEA4ul, 0x1B6DE21E332DD73Dul },
        { 403, SeedPrime64, 0x6259F6ECFD6443FDul, 0xBED311971E0BE8F2ul },
        { 512, 0, 0x617E49599013CB6Bul, 0x18D2D110DCC9BCA1ul },
        { 512, SeedPrime64, 0x3CE457DE14C27708ul, 0x925D06B8EC5B8040ul },
        { 2048, 0, 0xDD59E2C3A5F038E0ul, 0xF736557FD47073A5ul },
        { 2048, SeedPrime32, 0x230D43F30206260Bul, 0x7FB03F7E7186C3EAul },
        { 2240, 0, 0x6E73A90539CF2948ul, 0xCCB134FBFA7CE49Dul },
        { 2240, SeedPrime32, 0xED385111126FBA6Ful, 0x50A1FE17B338995Ful },
        { 2367, 0, 0xCB37AEB9E5D361EDul, 0xE89C0F6FF369B427ul },
        { 2367, SeedPrime32, 0x6F5360AE69C2F406ul, 0xD23AAE4B76C31ECBul },
    };

    // A sample of the tool-generated cases, most with large seeds, in dotnet/runtime's
    // src/libraries/System.IO.Hashing/tests/XxHash128Tests.cs.
    public static TheoryData<string, long, ulong, ulong> StringVectors => new()
    {
        { "Z", 0, 0x2753D05A8F320003ul, 0xA26F5FF5290B016Cul },
        { "f", 0x5A7A3A6DD84A445F, 0x826ED41A6E3413F3ul, 0x4623628864BD3461ul },
        { "kLi", 0x6F3502011F621A64, 0xF917A1F0983DAC91ul, 0x83B9766ABE82FB07ul },
        { "E27wiW", 0x4EF78AD67D7E2C8F, 0x26AA5E13F8A2A76Eul, 0xCFBFD6D5F49A2E56ul },
        { "SsNiqNqBf", 0x70CB1CD220FE3A09, 0xC4723EC01465266Cul, 0x81B1195F861A569Ful },
        { "fcuQxJ1a7XHWjOak", 0x27EA2FD22273F024, 0x51AE8DD7283B1328ul, 0xBF9E3FCE82FEA007ul },
        { "ZJaCUfU0OXHoLCEfw", 0x1E18B9A7C8F02D7D, 0xA7FCFFEC8F76F118ul, 0xE414F6707F6EAD9Aul },
        { "aGfZbBNKvUGfWCu34gub", 0x55BABD76A130F515, 0x850448A147507BAEul, 0x8F60190E04B20030ul },
    };

    [Theory]
    [MemberData(nameof(SanityVectors))]
    public void Hashes_of_the_xxhash_sanity_input_match_the_published_vectors(int length, long seed, ulong low, ulong high)
    {
        byte[] input = XxHashSanityInput.Prefix(length);
        var expected = new UInt128(high, low);

        Assert.Equal(expected, XxHash128.HashToUInt128(input, seed));

        var byteAtATime = new XxHash128(seed);
        foreach (byte b in input)
        {
            byteAtATime.Append([b]);
        }

        Assert.Equal(expected, byteAtATime.GetCurrentHashAsUInt128());

        var allAtOnce = new XxHash128(seed);
        allAtOnce.Append(input);
        Assert.Equal(expected, allAtOnce.GetCurrentHashAsUInt128());
    }

    [Theory]
    [MemberData(nameof(StringVectors))]
    public void Hashes_of_known_strings_match_published_values(string text, long seed, ulong low, ulong high)
    {
        byte[] input = Encoding.ASCII.GetBytes(text);

        Assert.Equal(new UInt128(high, low), XxHash128.HashToUInt128(input, seed));
    }

    [Fact]
    public void The_low_half_of_xxh128_equals_xxh3_64_for_inputs_up_to_three_bytes()
    {
        // A property of the specification's 1-3 byte path, independent of any table above.
        for (int length = 1; length <= 3; length++)
        {
            byte[] input = XxHashSanityInput.Prefix(length);
            Assert.Equal(XxHash3.HashToUInt64(input, 42), (ulong)XxHash128.HashToUInt128(input, 42));
        }
    }

    [Fact]
    public void Omitting_the_seed_is_the_same_as_seed_zero()
    {
        byte[] input = XxHashSanityInput.Prefix(300);

        Assert.Equal(XxHash128.Hash(input, 0), XxHash128.Hash(input));
        Assert.Equal(new XxHash128(0).GetCurrentHash(), new XxHash128().GetCurrentHash());
    }

    [Fact]
    public void Byte_forms_are_the_high_half_then_the_low_half_each_big_endian()
    {
        byte[] input = XxHashSanityInput.Prefix(2367);
        UInt128 numeric = XxHash128.HashToUInt128(input, SeedPrime32);
        var expected = new byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(expected, (ulong)(numeric >> 64));
        BinaryPrimitives.WriteUInt64BigEndian(expected.AsSpan(8), (ulong)numeric);

        Assert.Equal(expected, XxHash128.Hash(input, SeedPrime32));
        Assert.Equal(expected, XxHash128.Hash((ReadOnlySpan<byte>)input, SeedPrime32));

        var destination = new byte[16];
        Assert.Equal(16, XxHash128.Hash(input, destination, SeedPrime32));
        Assert.Equal(expected, destination);

        var instance = new XxHash128(SeedPrime32);
        instance.Append(input);
        Assert.Equal(expected, instance.GetCurrentHash());
    }
}

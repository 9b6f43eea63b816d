namespace System.IO.Hashing.Tests;

/// <summary>
/// Every algorithm, seeded and not, with its instance factory and its static one-shot form,
/// so the contract tests run over all of them by name.
/// </summary>
internal sealed record AlgorithmUnderTest(string Name, int HashLength, Func<NonCryptographicHashAlgorithm> Create, Func<byte[], byte[]> OneShot)
{
    private const long Seed = -0x0123_4567_89AB_CDEF;
    private const int Seed32 = unchecked((int)Seed);

    private static readonly AlgorithmUnderTest[] All =
    [
        new("Crc32", 4, () => new Crc32(), Crc32.Hash),
        new("Crc64", 8, () => new Crc64(), Crc64.Hash),
        new("XxHash32", 4, () => new XxHash32(), XxHash32.Hash),
        new("XxHash32 seeded", 4, () => new XxHash32(Seed32), s => XxHash32.Hash(s, Seed32)),
        new("XxHash64", 8, () => new XxHash64(), XxHash64.Hash),
        new("XxHash64 seeded", 8, () => new XxHash64(Seed), s => XxHash64.Hash(s, Seed)),
        new("XxHash3", 8, () => new XxHash3(), XxHash3.Hash),
        new("XxHash3 seeded", 8, () => new XxHash3(Seed), s => XxHash3.Hash(s, Seed)),
        new("XxHash128", 16, () => new XxHash128(), XxHash128.Hash),
        new("XxHash128 seeded", 16, () => new XxHash128(Seed), s => XxHash128.Hash(s, Seed)),
    ];

    public static TheoryData<string> Names => new(All.Select(a => a.Name));

    public static AlgorithmUnderTest Named(string name) => All.Single(a => a.Name == name);

    public override string ToString() => Name;
}

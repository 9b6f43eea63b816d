namespace System.IO.Hashing.Tests;

public class NonCryptographicHashAlgorithmTests
{
    private static readonly byte[] Data = XxHashSanityInput.Prefix(1500);

    [Theory]
    [MemberData(nameof(AlgorithmUnderTest.Names), MemberType = typeof(AlgorithmUnderTest))]
    public void Hash_length_matches_the_bytes_produced(string name)
    {
        AlgorithmUnderTest algorithm = AlgorithmUnderTest.Named(name);
        NonCryptographicHashAlgorithm instance = algorithm.Create();

        Assert.Equal(algorithm.HashLength, instance.HashLengthInBytes);
        Assert.Equal(algorithm.HashLength, instance.GetCurrentHash().Length);
        Assert.Equal(algorithm.HashLength, algorithm.OneShot(Data).Length);
    }

    [Theory]
    [MemberData(nameof(AlgorithmUnderTest.Names), MemberType = typeof(AlgorithmUnderTest))]
    public void Appending_a_stream_equals_appending_its_bytes(string name)
    {
        AlgorithmUnderTest algorithm = AlgorithmUnderTest.Named(name);
        NonCryptographicHashAlgorithm instance = algorithm.Create();

        // Larger than the 4 KiB read buffer, so the stream is read in several pieces.
        byte[] large = [.. Data, .. Data, .. Data, .. Data];
        instance.Append(new MemoryStream(large));

        Assert.Equal(algorithm.OneShot(large), instance.GetCurrentHash());
    }

    [Theory]
    [MemberData(nameof(AlgorithmUnderTest.Names), MemberType = typeof(AlgorithmUnderTest))]
    public async Task Appending_a_stream_asynchronously_equals_appending_its_bytes(string name)
    {
        AlgorithmUnderTest algorithm = AlgorithmUnderTest.Named(name);
        NonCryptographicHashAlgorithm instance = algorithm.Create();
        byte[] large = [.. Data, .. Data, .. Data, .. Data];

        await instance.AppendAsync(new MemoryStream(large));

        Assert.Equal(algorithm.OneShot(large), instance.GetCurrentHash());
    }

    [Fact]
    public async Task Appending_a_stream_asynchronously_observes_cancellation()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => new XxHash64().AppendAsync(new MemoryStream(Data), cancelled.Token));
    }

    [Theory]
    [MemberData(nameof(AlgorithmUnderTest.Names), MemberType = typeof(AlgorithmUnderTest))]
    public void Reading_the_current_hash_leaves_the_state_unchanged(string name)
    {
        AlgorithmUnderTest algorithm = AlgorithmUnderTest.Named(name);
        NonCryptographicHashAlgorithm instance = algorithm.Create();

        instance.Append(Data.AsSpan(0, 700));
        byte[] first = instance.GetCurrentHash();
        byte[] second = instance.GetCurrentHash();
        instance.Append(Data.AsSpan(700));

        Assert.Equal(first, second);
        Assert.Equal(algorithm.OneShot(Data[..700]), first);
        Assert.Equal(algorithm.OneShot(Data), instance.GetCurrentHash());
    }

    [Theory]
    [MemberData(nameof(AlgorithmUnderTest.Names), MemberType = typeof(AlgorithmUnderTest))]
    public void Getting_the_hash_and_resetting_starts_over_with_the_same_seed(string name)
    {
        AlgorithmUnderTest algorithm = AlgorithmUnderTest.Named(name);
        NonCryptographicHashAlgorithm instance = algorithm.Create();

        instance.Append(Data);
        byte[] viaArray = instance.GetHashAndReset();
        Assert.Equal(algorithm.OneShot([]), instance.GetCurrentHash());

        instance.Append(Data);
        var viaSpan = new byte[instance.HashLengthInBytes + 3];
        Assert.Equal(instance.HashLengthInBytes, instance.GetHashAndReset(viaSpan));

        instance.Append(Data);
        Assert.True(instance.TryGetHashAndReset(new byte[instance.HashLengthInBytes], out int written));
        Assert.Equal(instance.HashLengthInBytes, written);

        instance.Append(Data);
        instance.Reset();
        instance.Append(Data);

        Assert.Equal(algorithm.OneShot(Data), viaArray);
        Assert.Equal(viaArray, viaSpan[..instance.HashLengthInBytes]);
        Assert.Equal(viaArray, instance.GetCurrentHash());
    }

    [Theory]
    [MemberData(nameof(AlgorithmUnderTest.Names), MemberType = typeof(AlgorithmUnderTest))]
    public void A_destination_that_is_too_short_is_refused_without_changing_the_state(string name)
    {
        AlgorithmUnderTest algorithm = AlgorithmUnderTest.Named(name);
        NonCryptographicHashAlgorithm instance = algorithm.Create();
        instance.Append(Data);
        var shortDestination = new byte[instance.HashLengthInBytes - 1];

        Assert.False(instance.TryGetCurrentHash(shortDestination, out int written));
        Assert.Equal(0, written);
        Assert.False(instance.TryGetHashAndReset(shortDestination, out written));
        Assert.Equal(0, written);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => instance.GetCurrentHash(shortDestination)).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => instance.GetHashAndReset(shortDestination)).ParamName);

        Assert.Equal(algorithm.OneShot(Data), instance.GetCurrentHash());
    }

    [Fact]
    public void Static_forms_refuse_a_destination_that_is_too_short()
    {
        var small = new byte[3];

        Assert.False(Crc32.TryHash(Data, small, out int written));
        Assert.Equal(0, written);
        Assert.False(Crc64.TryHash(Data, small, out _));
        Assert.False(XxHash32.TryHash(Data, small, out _));
        Assert.False(XxHash64.TryHash(Data, small, out _));
        Assert.False(XxHash3.TryHash(Data, small, out _));
        Assert.False(XxHash128.TryHash(Data, new byte[15], out _));
        Assert.Throws<ArgumentException>("destination", () => Crc64.Hash(Data, small));
        Assert.Throws<ArgumentException>("destination", () => XxHash128.Hash(Data, new byte[15]));
    }

    [Fact]
    public void Static_forms_write_into_a_larger_destination_and_report_the_length()
    {
        var destination = new byte[20];

        Assert.True(XxHash128.TryHash(Data, destination, out int written, 5));
        Assert.Equal(16, written);
        Assert.Equal(XxHash128.Hash(Data, 5), destination[..16]);
        Assert.All(destination[16..], b => Assert.Equal(0, b));
    }

    [Fact]
    public void Null_arguments_are_refused()
    {
        Assert.Throws<ArgumentNullException>("source", () => new Crc32().Append((byte[])null!));
        Assert.Throws<ArgumentNullException>("stream", () => new Crc32().Append((Stream)null!));
        Assert.Throws<ArgumentNullException>("stream", () => { _ = new Crc32().AppendAsync(null!); });
        Assert.Throws<ArgumentNullException>("source", () => XxHash64.Hash(null!));
        Assert.Throws<ArgumentNullException>("source", () => XxHash64.Hash(null!, 1L));
        Assert.Throws<ArgumentNullException>("source", () => XxHash3.Hash(null!));
        Assert.Throws<ArgumentNullException>("source", () => Crc64.Hash(null!));
    }

    [Theory]
    [MemberData(nameof(AlgorithmUnderTest.Names), MemberType = typeof(AlgorithmUnderTest))]
    public void Object_hash_codes_are_not_supported(string name)
    {
        object instance = AlgorithmUnderTest.Named(name).Create();

        Assert.Throws<NotSupportedException>(() => instance.GetHashCode());
    }

    [Fact]
    public void A_hash_length_below_one_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>("hashLengthInBytes", () => new ZeroLengthHash());
    }

    [Fact]
    public void A_clone_continues_independently_from_the_original()
    {
        var original = new XxHash3(99);
        original.Append(Data.AsSpan(0, 600));
        XxHash3 clone = original.Clone();
        original.Append(Data.AsSpan(600));
        clone.Append(Data.AsSpan(600, 10));

        Assert.Equal(XxHash3.HashToUInt64(Data, 99), original.GetCurrentHashAsUInt64());
        Assert.Equal(XxHash3.HashToUInt64(Data.AsSpan(0, 610), 99), clone.GetCurrentHashAsUInt64());
    }

    [Fact]
    public void Every_algorithm_clones_its_partial_state()
    {
        Assert.Equal(XxHash128.HashToUInt128(Data.AsSpan(0, 300)), SplitByClone(new XxHash128(), h => h.Clone(), 300).GetCurrentHashAsUInt128());
        Assert.Equal(XxHash64.HashToUInt64(Data.AsSpan(0, 40)), SplitByClone(new XxHash64(), h => h.Clone(), 40).GetCurrentHashAsUInt64());
        Assert.Equal(XxHash32.HashToUInt32(Data.AsSpan(0, 20)), SplitByClone(new XxHash32(), h => h.Clone(), 20).GetCurrentHashAsUInt32());
        Assert.Equal(Crc32.HashToUInt32(Data.AsSpan(0, 20)), SplitByClone(new Crc32(), h => h.Clone(), 20).GetCurrentHashAsUInt32());
        Assert.Equal(Crc64.HashToUInt64(Data.AsSpan(0, 20)), SplitByClone(new Crc64(), h => h.Clone(), 20).GetCurrentHashAsUInt64());
    }

    /// <summary>
    /// Appends the first half of <paramref name="length"/> bytes, clones, disturbs the original,
    /// and appends the second half to the clone.
    /// </summary>
    private static T SplitByClone<T>(T instance, Func<T, T> clone, int length) where T : NonCryptographicHashAlgorithm
    {
        instance.Append(Data.AsSpan(0, length / 2));
        T copy = clone(instance);
        instance.Append(Data.AsSpan(0, 3));
        copy.Append(Data.AsSpan(length / 2, length - length / 2));
        return copy;
    }

    private sealed class ZeroLengthHash() : NonCryptographicHashAlgorithm(0)
    {
        public override void Append(ReadOnlySpan<byte> source)
        {
        }

        public override void Reset()
        {
        }

        protected override void GetCurrentHashCore(Span<byte> destination)
        {
        }
    }
}

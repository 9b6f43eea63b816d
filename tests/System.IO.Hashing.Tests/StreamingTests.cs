namespace System.IO.Hashing.Tests;

public class StreamingTests
{
    private const int MaxLength = 2048;

    [Theory]
    [MemberData(nameof(AlgorithmUnderTest.Names), MemberType = typeof(AlgorithmUnderTest))]
    public void Appending_in_random_chunks_equals_the_one_shot_hash_for_every_length_up_to_2048(string name)
    {
        AlgorithmUnderTest algorithm = AlgorithmUnderTest.Named(name);
        var random = new Random(20240601);
        byte[] data = new byte[MaxLength];
        random.NextBytes(data);
        NonCryptographicHashAlgorithm instance = algorithm.Create();

        for (int length = 0; length <= MaxLength; length++)
        {
            byte[] input = data[..length];
            AppendInRandomChunks(instance, input, random);

            Assert.True(
                algorithm.OneShot(input).AsSpan().SequenceEqual(instance.GetHashAndReset()),
                $"{name}: streamed hash of {length} bytes differs from the one-shot hash");
        }
    }

    [Theory]
    [MemberData(nameof(AlgorithmUnderTest.Names), MemberType = typeof(AlgorithmUnderTest))]
    public void The_current_hash_after_each_append_equals_the_one_shot_hash_of_the_prefix(string name)
    {
        AlgorithmUnderTest algorithm = AlgorithmUnderTest.Named(name);
        var random = new Random(7);
        byte[] data = new byte[5000];
        random.NextBytes(data);
        NonCryptographicHashAlgorithm instance = algorithm.Create();

        int appended = 0;
        while (appended < data.Length)
        {
            int chunk = Math.Min(NextChunkLength(random), data.Length - appended);
            instance.Append(data.AsSpan(appended, chunk));
            appended += chunk;

            Assert.Equal(algorithm.OneShot(data[..appended]), instance.GetCurrentHash());
        }
    }

    private static void AppendInRandomChunks(NonCryptographicHashAlgorithm instance, byte[] input, Random random)
    {
        int appended = 0;
        while (appended < input.Length)
        {
            int chunk = Math.Min(NextChunkLength(random), input.Length - appended);
            instance.Append(input.AsSpan(appended, chunk));
            appended += chunk;
        }
    }

    /// <summary>Mostly small chunks, including empty ones, with some that span several stripes and buffers.</summary>
    private static int NextChunkLength(Random random) => random.Next(4) switch
    {
        0 => random.Next(0, 4),
        1 => random.Next(0, 70),
        2 => random.Next(60, 300),
        _ => random.Next(0, 1100),
    };
}

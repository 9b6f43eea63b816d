namespace DanceAspire.Assembler.Tests;

/// <summary>Tests that run ffmpeg on the generated media share it, and take turns: each run wants the machine's cores.</summary>
[CollectionDefinition(Name)]
public sealed class AssemblyMediaCollection : ICollectionFixture<AssemblyMedia>
{
    public const string Name = "assembly media";
}

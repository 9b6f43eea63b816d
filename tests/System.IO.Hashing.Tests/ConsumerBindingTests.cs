using System.Buffers.Binary;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using Azure.Storage;
using Yarp.ReverseProxy.Forwarder;

namespace System.IO.Hashing.Tests;

/// <summary>
/// Yarp.ReverseProxy and Azure.Storage.Common were compiled against the real System.IO.Hashing
/// package; these tests check that the runtime binds them to this stand-in and that every
/// member they use exists here with the same signature.
/// </summary>
public class ConsumerBindingTests
{
    private static readonly Assembly Ours = typeof(NonCryptographicHashAlgorithm).Assembly;

    public static TheoryData<string, string> ConsumersAndAMemberEachUses => new()
    {
        { "Yarp.ReverseProxy", "XxHash64.Hash" },
        { "Azure.Storage.Common", "NonCryptographicHashAlgorithm..ctor" },
    };

    [Theory]
    [MemberData(nameof(ConsumersAndAMemberEachUses))]
    public void Consumers_were_compiled_against_a_version_no_newer_than_ours(string consumer, string _)
    {
        AssemblyName reference = Consumer(consumer).GetReferencedAssemblies().Single(r => r.Name == "System.IO.Hashing");

        Assert.True(
            reference.Version <= Ours.GetName().Version,
            $"{consumer} references System.IO.Hashing {reference.Version}, newer than ours ({Ours.GetName().Version})");
    }

    [Theory]
    [MemberData(nameof(ConsumersAndAMemberEachUses))]
    public void Every_type_and_member_a_consumer_uses_resolves_to_ours(string consumer, string expectedMember)
    {
        Assembly assembly = Consumer(consumer);
        using var file = File.OpenRead(assembly.Location);
        using var pe = new PEReader(file);
        MetadataReader metadata = pe.GetMetadataReader();
        var resolved = new List<string>();

        foreach (TypeReferenceHandle handle in metadata.TypeReferences)
        {
            if (metadata.GetString(metadata.GetTypeReference(handle).Namespace) == "System.IO.Hashing")
            {
                // Resolving the token binds exactly as the JIT does for a call site.
                Type type = assembly.ManifestModule.ResolveType(MetadataTokens.GetToken(handle));
                Assert.Same(Ours, type.Assembly);
            }
        }

        foreach (MemberReferenceHandle handle in metadata.MemberReferences)
        {
            MemberReference member = metadata.GetMemberReference(handle);
            if (member.Parent.Kind == HandleKind.TypeReference
                && metadata.GetString(metadata.GetTypeReference((TypeReferenceHandle)member.Parent).Namespace) == "System.IO.Hashing")
            {
                // Throws MissingMethodException when no member of ours has the referenced signature.
                MemberInfo info = assembly.ManifestModule.ResolveMember(MetadataTokens.GetToken(handle))!;
                Assert.Same(Ours, info.Module.Assembly);
                resolved.Add($"{info.DeclaringType!.Name}.{info.Name}");
            }
        }

        Assert.Contains(expectedMember, resolved);
    }

    [Fact]
    public void Azure_storage_crc64_runs_on_our_base_class()
    {
        // Created by reflection: the compiler sees Azure's base class as the strong-named
        // package assembly, a different identity from ours, while the runtime binds it to ours.
        var crc = (NonCryptographicHashAlgorithm)typeof(StorageCrc64HashAlgorithm)
            .GetMethod("Create", BindingFlags.Public | BindingFlags.Static, Type.EmptyTypes)!
            .Invoke(null, null)!;

        crc.Append("1234"u8);
        crc.Append("56789"u8.ToArray());
        byte[] appended = crc.GetHashAndReset();
        crc.Append(new MemoryStream("123456789"u8.ToArray()));
        byte[] streamed = crc.GetCurrentHash();

        Assert.Equal(appended, streamed);
        // Azure Storage's CRC-64 is the CRC RevEng catalogue's CRC-64/NVME, check value 0xAE8B14860A799888.
        Assert.Equal(0xAE8B14860A799888ul, BinaryPrimitives.ReadUInt64LittleEndian(streamed));
    }

    private static Assembly Consumer(string name) => name switch
    {
        "Yarp.ReverseProxy" => typeof(IHttpForwarder).Assembly,
        "Azure.Storage.Common" => typeof(StorageCrc64HashAlgorithm).Assembly,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a known consumer"),
    };
}
